#!/usr/bin/env node
/*
 * Generates the face-net parity fixtures of pvit-core from the JavaScript reference:
 * @vladmandic/face-api 1.7.15 on @tensorflow/tfjs 4.22.0 with the WASM backend (offline: the
 * .wasm binaries are loaded from node_modules, never from a CDN).
 *
 *   cd pvit-bench/baseline && npm ci && node gen-fixtures.js
 *
 * Writes into pvit-core/src/test/resources/dev/pvit/face/parity/:
 *   raw-nets.json  identical uint8 input tensors (gzip+base64) and each net's raw output
 *   e2e-608.json   face-api's own detectAllFaces(608, 0.5).withFaceLandmarks().withFaceDescriptors()
 * The demo photos are read from pvit-core/src/test/resources/dev/pvit/face/demo/ (the same MIT
 * files the package ships), decoded with jpeg-js.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const jpeg = require('jpeg-js');
const tf = require('@tensorflow/tfjs');
const wasm = require('@tensorflow/tfjs-backend-wasm');
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');

const ROOT = path.resolve(__dirname, '..', '..');
const DEMO_DIR = path.join(ROOT, 'pvit-core/src/test/resources/dev/pvit/face/demo');
const OUT_DIR = path.join(ROOT, 'pvit-core/src/test/resources/dev/pvit/face/parity');
const MODEL_DIR = path.join(__dirname, 'node_modules/@vladmandic/face-api/model');
const WASM_DIR = path.join(__dirname, 'node_modules/@tensorflow/tfjs-backend-wasm/dist') + path.sep;

const E2E_PHOTOS = ['sample1.jpg', 'sample2.jpg', 'sample3.jpg'];
const RAW_DETECTOR_PHOTO = 'sample1.jpg';
// Faces for the raw fixtures: [photo, index of the face in face-api's e2e result for that photo].
const RAW_FACES = [['sample1.jpg', 0], ['sample1.jpg', 1], ['sample3.jpg', 0]];

/** Shortest decimal that still identifies the float32 value. */
function f32(v) {
  return Number(Math.fround(v).toPrecision(9));
}

function floats(typedArray) {
  return Array.from(typedArray, f32);
}

/** Decodes a JPEG to an int32 [h, w, 3] RGB tensor, as in face-api's Node demos. */
function readImage(file) {
  const decoded = jpeg.decode(fs.readFileSync(file), { useTArray: true, formatAsRGBA: false });
  const rgb = Int32Array.from(decoded.data);
  return tf.tensor3d(rgb, [decoded.height, decoded.width, 3], 'int32');
}

/** uint8 HWC tensor -> fixture input: shape plus gzip+base64 bytes. */
function encodeInput(uint8Tensor) {
  const [h, w, c] = uint8Tensor.shape;
  const bytes = Buffer.from(Uint8Array.from(uint8Tensor.dataSync()));
  return {
    shape: [h, w, c],
    encoding: 'uint8 RGB, HWC row-major, gzip, base64',
    data: zlib.gzipSync(bytes, { level: 9 }).toString('base64'),
  };
}

/** Rounds a float image to integers 0..255 so that Java and JS see bit-identical inputs. */
function toUint8(floatTensor) {
  return tf.tidy(() => tf.clipByValue(tf.round(floatTensor), 0, 255).cast('int32'));
}

/** face-api's padToSquare(isCenterImage) + resizeBilinear(size, alignCorners=false, halfPixelCenters=false). */
function squareResize(img3d, size, centred) {
  return tf.tidy(() => {
    const [h, w] = img3d.shape;
    let x = tf.cast(img3d, 'float32');
    if (h !== w) {
      const diff = Math.abs(h - w);
      const append = Math.round(diff * (centred ? 0.5 : 1));
      const prepend = diff - append;
      const axis = h > w ? 1 : 0;
      const padding = [[0, 0], [0, 0], [0, 0]];
      padding[axis] = [centred ? prepend : 0, append];
      x = tf.pad(x, padding);
    }
    return tf.image.resizeBilinear(x, [size, size], false, false);
  });
}

function crop(img3d, rect) {
  const [h, w] = img3d.shape;
  const box = new faceapi.Box(rect).clipAtImageBorders(w, h);
  return { box, tensor: tf.slice3d(img3d, [box.y, box.x, 0], [box.height, box.width, 3]) };
}

async function e2e(photo) {
  const img = readImage(path.join(DEMO_DIR, photo));
  const [height, width] = img.shape;
  const options = new faceapi.TinyFaceDetectorOptions({ inputSize: 608, scoreThreshold: 0.5 });
  const results = await faceapi.detectAllFaces(img, options).withFaceLandmarks().withFaceDescriptors();
  const faces = results.map((r) => {
    const b = r.detection.box;
    const landmarkCrop = b.clipAtImageBorders(width, height);
    const alignRect = r.landmarks.align(null, { useDlibAlignment: true });
    const descriptorCrop = alignRect.clipAtImageBorders(width, height);
    return {
      box: [b.x, b.y, b.width, b.height],
      score: r.detection.score,
      landmarkCrop: [landmarkCrop.x, landmarkCrop.y, landmarkCrop.width, landmarkCrop.height],
      landmarks: r.landmarks.positions.map((p) => [p.x, p.y]),
      descriptorCrop: [descriptorCrop.x, descriptorCrop.y, descriptorCrop.width, descriptorCrop.height],
      descriptor: floats(r.descriptor),
    };
  });
  return { img, entry: { image: photo, width, height, faces } };
}

async function main() {
  wasm.setWasmPaths(WASM_DIR);
  await tf.setBackend('wasm');
  await tf.ready();
  const flags = {
    simd: await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'),
    threads: await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'),
  };
  for (const net of [
    faceapi.nets.tinyFaceDetector,
    faceapi.nets.faceLandmark68Net,
    faceapi.nets.faceLandmark68TinyNet,
    faceapi.nets.faceRecognitionNet,
    faceapi.nets.ageGenderNet,
    faceapi.nets.faceExpressionNet,
  ]) {
    await net.loadFromDisk(MODEL_DIR);
  }
  const generator = {
    script: 'pvit-bench/baseline/gen-fixtures.js',
    faceApi: faceapi.version,
    tfjs: tf.version_core,
    backend: tf.getBackend(),
    wasm: flags,
  };

  // End to end: face-api's own pipeline on decoded photos.
  const images = {};
  const e2eEntries = [];
  for (const photo of E2E_PHOTOS) {
    const { img, entry } = await e2e(photo);
    images[photo] = { img, entry };
    e2eEntries.push(entry);
    console.log(`${photo}: ${entry.width}x${entry.height}, ${entry.faces.length} faces at 608/0.5`);
  }

  // Raw level: identical integer inputs for every net.
  const detImg = images[RAW_DETECTOR_PHOTO].img;
  const det416 = toUint8(squareResize(detImg, 416, false));
  const detOut = faceapi.nets.tinyFaceDetector.forwardInput(await faceapi.toNetInput(det416), 416);
  const detector = {
    source: `${RAW_DETECTOR_PHOTO} padded bottom/right to a square, resized to 416 (TF legacy bilinear), rounded`,
    inputSize: 416,
    mean: [117.001, 114.697, 97.404],
    input: encodeInput(det416),
    output: { shape: detOut.shape, layout: 'NHWC', data: floats(detOut.dataSync()) },
  };

  const faces = [];
  for (const [photo, index] of RAW_FACES) {
    const { img, entry } = images[photo];
    const face = entry.faces[index];
    const dCrop = crop(img, { x: face.descriptorCrop[0], y: face.descriptorCrop[1], width: face.descriptorCrop[2], height: face.descriptorCrop[3] });
    const lCrop = crop(img, { x: face.landmarkCrop[0], y: face.landmarkCrop[1], width: face.landmarkCrop[2], height: face.landmarkCrop[3] });
    const in150 = toUint8(squareResize(dCrop.tensor, 150, true));
    const in112 = toUint8(squareResize(lCrop.tensor, 112, true));
    const input150 = await faceapi.toNetInput(in150);
    const input112 = await faceapi.toNetInput(in112);
    const descriptor = faceapi.nets.faceRecognitionNet.forwardInput(input150);
    const landmarks = faceapi.nets.faceLandmark68Net.runNet(input112);
    const landmarksTiny = faceapi.nets.faceLandmark68TinyNet.runNet(input112);
    const ageGender = faceapi.nets.ageGenderNet.forwardInput(input112);
    const expressions = faceapi.nets.faceExpressionNet.forwardInput(input112);
    faces.push({
      source: `${photo} face ${index}: descriptor input from its dlib crop ${JSON.stringify(face.descriptorCrop)}, `
        + `landmark/attribute input from its detection crop ${JSON.stringify(face.landmarkCrop)}; centred pad, resize, rounded`,
      input150: encodeInput(in150),
      input112: encodeInput(in112),
      descriptor: floats(descriptor.dataSync()),
      landmarks: floats(landmarks.dataSync()),
      landmarksTiny: floats(landmarksTiny.dataSync()),
      ageGender: [f32(ageGender.age.dataSync()[0]), f32(ageGender.gender.dataSync()[0])],
      expressions: floats(expressions.dataSync()),
    });
  }

  fs.mkdirSync(OUT_DIR, { recursive: true });
  const raw = {
    generator,
    normalisation: '(x - mean) / 255 in float32, NCHW for Java; faces use mean [122.782, 117.001, 104.298]',
    faceMean: [122.782, 117.001, 104.298],
    detector,
    faces,
  };
  fs.writeFileSync(path.join(OUT_DIR, 'raw-nets.json'), JSON.stringify(raw) + '\n');
  const e2eFixture = {
    generator,
    pipeline: 'faceapi.detectAllFaces(imageTensor, new TinyFaceDetectorOptions({inputSize: 608, scoreThreshold: 0.5}))'
      + '.withFaceLandmarks().withFaceDescriptors(); image decoded by jpeg-js 0.4.4 to an int32 [h,w,3] tensor',
    images: e2eEntries,
  };
  fs.writeFileSync(path.join(OUT_DIR, 'e2e-608.json'), JSON.stringify(e2eFixture) + '\n');
  console.log(`wrote ${OUT_DIR}/raw-nets.json and e2e-608.json (backend ${tf.getBackend()}, simd ${flags.simd}, threads ${flags.threads})`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
