#!/usr/bin/env node
/*
 * Generates parity/e2e-608-png.json: face-api's own pipeline (detector 608, score 0.5, full landmarks,
 * dlib-aligned descriptors) on lossless PNGs, so that the Java engine and the reference see exactly the
 * same pixels (JPEG decoders differ by a few grey levels).
 *
 *   cd pvit-bench/baseline && npm ci && node gen-png-fixture.js
 *
 * Reads pvit-core/src/test/resources/dev/pvit/face/parity/png/*.png (8-bit RGB, non-interlaced; decoded
 * here with zlib, no extra package) and writes pvit-core/src/test/resources/dev/pvit/face/parity/e2e-608-png.json.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const tf = require('@tensorflow/tfjs');
const wasm = require('@tensorflow/tfjs-backend-wasm');
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');

const ROOT = path.resolve(__dirname, '..', '..');
const PNG_DIR = path.join(ROOT, 'pvit-core/src/test/resources/dev/pvit/face/parity/png');
const OUT = path.join(ROOT, 'pvit-core/src/test/resources/dev/pvit/face/parity/e2e-608-png.json');
const MODEL_DIR = path.join(__dirname, 'node_modules/@vladmandic/face-api/model');
const WASM_DIR = path.join(__dirname, 'node_modules/@tensorflow/tfjs-backend-wasm/dist') + path.sep;

/** Minimal PNG decoder: 8-bit RGB (colour type 2), no interlace. */
function decodePng(buf) {
  if (buf.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let pos = 8;
  let width = 0;
  let height = 0;
  const idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('ascii', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[9] !== 2 || data[12] !== 0) throw new Error('only 8-bit RGB non-interlaced PNGs');
    } else if (type === 'IDAT') {
      idat.push(data);
    }
    pos += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * 3;
  const out = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= 3 ? out[y * stride + x - 3] : 0;
      const b = y > 0 ? out[(y - 1) * stride + x] : 0;
      const c = x >= 3 && y > 0 ? out[(y - 1) * stride + x - 3] : 0;
      let v = line[x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[y * stride + x] = v & 0xff;
    }
  }
  return { width, height, data: out };
}

async function main() {
  wasm.setWasmPaths(WASM_DIR);
  await tf.setBackend('wasm');
  await tf.ready();
  for (const net of [faceapi.nets.tinyFaceDetector, faceapi.nets.faceLandmark68Net, faceapi.nets.faceRecognitionNet]) {
    await net.loadFromDisk(MODEL_DIR);
  }
  const images = [];
  for (const file of fs.readdirSync(PNG_DIR).filter((f) => f.endsWith('.png')).sort()) {
    const png = decodePng(fs.readFileSync(path.join(PNG_DIR, file)));
    const img = tf.tensor3d(Int32Array.from(png.data), [png.height, png.width, 3], 'int32');
    const options = new faceapi.TinyFaceDetectorOptions({ inputSize: 608, scoreThreshold: 0.5 });
    const results = await faceapi.detectAllFaces(img, options).withFaceLandmarks().withFaceDescriptors();
    images.push({
      image: file,
      width: png.width,
      height: png.height,
      faces: results.map((r) => ({
        box: [r.detection.box.x, r.detection.box.y, r.detection.box.width, r.detection.box.height],
        score: r.detection.score,
        landmarks: r.landmarks.positions.map((p) => [p.x, p.y]),
        descriptor: Array.from(r.descriptor, (v) => Number(Math.fround(v).toPrecision(9))),
      })),
    });
    console.log(`${file}: ${png.width}x${png.height}, ${results.length} faces`);
  }
  const fixture = {
    generator: { script: 'pvit-bench/baseline/gen-png-fixture.js', faceApi: faceapi.version, tfjs: tf.version_core, backend: tf.getBackend() },
    pipeline: 'detectAllFaces(tensor, TinyFaceDetectorOptions({inputSize: 608, scoreThreshold: 0.5})).withFaceLandmarks().withFaceDescriptors() on lossless PNG pixels',
    images,
  };
  fs.writeFileSync(OUT, JSON.stringify(fixture) + '\n');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
