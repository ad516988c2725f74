#!/usr/bin/env node
/*
 * Speed of the JavaScript reference on the same work as pvit-bench's JMH benchmarks:
 * @vladmandic/face-api 1.7.15 on @tensorflow/tfjs 4.22.0 with the WASM backend (offline: the .wasm
 * binaries and the weights are loaded from node_modules).
 *
 *   npm ci --prefix pvit-bench/baseline          # once; needs the npm registry
 *   node pvit-bench/baseline/perf.js --image pvit-bench/src/main/resources/dev/pvit/bench/perf/five-faces.jpg
 *
 * Prints one JSON object on the last line: {"backend": ..., "results": {name: ms per operation}}.
 * Net timings are forward passes on random inputs of the same shapes as the Java benchmarks
 * (descriptorBatch16 is per face); analyzeFiveFacePhoto decodes the JPEG and runs
 * detectAllFaces(608, 0.5).withFaceLandmarks().withFaceDescriptors().
 */
'use strict';

const fs = require('fs');
const path = require('path');
const jpeg = require('jpeg-js');
const tf = require('@tensorflow/tfjs');
const wasm = require('@tensorflow/tfjs-backend-wasm');
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');

const MODEL_DIR = path.join(__dirname, 'node_modules/@vladmandic/face-api/model');
const WASM_DIR = path.join(__dirname, 'node_modules/@tensorflow/tfjs-backend-wasm/dist') + path.sep;

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

/** Mean milliseconds per call after warm-up; `work` must finish (await) all its computation. */
async function time(work, warmup, iterations, perCall = 1) {
  for (let i = 0; i < warmup; i++) {
    await work();
  }
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) {
    await work();
  }
  return Number(process.hrtime.bigint() - start) / 1e6 / iterations / perCall;
}

/** Random pixels 0..255, NHWC, as face-api receives images. */
function randomImages(batch, size) {
  return tf.tidy(() => tf.randomUniform([batch, size, size, 3], 0, 255, 'float32', 42));
}

async function forward(net, images, inputSize) {
  const list = tf.unstack(images);
  const input = await faceapi.toNetInput(list);
  const out = inputSize ? net.forwardInput(input, inputSize) : net.forwardInput(input);
  await out.data();
  out.dispose();
  list.forEach((t) => t.dispose());
}

function decode(file) {
  const decoded = jpeg.decode(fs.readFileSync(file), { useTArray: true, formatAsRGBA: false });
  return tf.tensor3d(Int32Array.from(decoded.data), [decoded.height, decoded.width, 3], 'int32');
}

async function main() {
  const image = arg('--image', path.join(__dirname, '../src/main/resources/dev/pvit/bench/perf/five-faces.jpg'));
  const iterations = Number(arg('--iterations', '10'));
  const warmup = Number(arg('--warmup', '3'));
  const only = arg('--only', '');
  wasm.setWasmPaths(WASM_DIR);
  await tf.setBackend('wasm');
  await tf.ready();
  for (const net of [faceapi.nets.tinyFaceDetector, faceapi.nets.faceLandmark68Net, faceapi.nets.faceRecognitionNet]) {
    await net.loadFromDisk(MODEL_DIR);
  }
  const face1 = randomImages(1, 150);
  const face16 = randomImages(16, 150);
  const det416 = randomImages(1, 416);
  const det608 = randomImages(1, 608);
  const lm = randomImages(1, 112);
  const nets = faceapi.nets;
  const cases = {
    descriptorBatch1: () => time(() => forward(nets.faceRecognitionNet, face1), warmup, iterations),
    descriptorBatch16: () => time(() => forward(nets.faceRecognitionNet, face16), warmup, Math.max(2, iterations / 4), 16),
    detector416: () => time(() => forward(nets.tinyFaceDetector, det416, 416), warmup, iterations),
    detector608: () => time(() => forward(nets.tinyFaceDetector, det608, 608), warmup, iterations),
    landmarks: () => time(() => forward(nets.faceLandmark68Net, lm), warmup, iterations),
    analyzeFiveFacePhoto: () => time(async () => {
      const img = decode(image);
      const results = await faceapi
        .detectAllFaces(img, new faceapi.TinyFaceDetectorOptions({ inputSize: 608, scoreThreshold: 0.5 }))
        .withFaceLandmarks()
        .withFaceDescriptors();
      img.dispose();
      if (results.length === 0) {
        throw new Error('no faces found in ' + image);
      }
    }, 1, Math.max(2, iterations / 2)),
  };
  const results = {};
  for (const [name, run] of Object.entries(cases)) {
    if (!only || only.split(',').includes(name)) {
      results[name] = await run();
      process.stderr.write(`${name}: ${results[name].toFixed(2)} ms\n`);
    }
  }
  const backend = {
    faceApi: faceapi.version,
    tfjs: tf.version_core,
    backend: tf.getBackend(),
    simd: await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'),
    threads: await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'),
    node: process.version,
  };
  process.stdout.write(JSON.stringify({ backend, results }) + '\n');
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + '\n');
  process.exit(1);
});
