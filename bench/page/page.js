// Calls analyzeMessage on every input event and writes the whole read-out.
import init, { analyzeMessage } from '/pkg/index.js';

await init();
const message = document.getElementById('message');
const unicode = document.getElementById('unicode');
const out = (id) => document.getElementById(id);
const readout = {
  encoding: out('readout-encoding'),
  characters: out('readout-characters'),
  sms: out('readout-sms'),
  remaining: out('readout-remaining'),
  replacements: out('readout-replacements'),
  unsupported: out('readout-unsupported'),
  preview: out('preview'),
};

function update() {
  const a = analyzeMessage(message.value, { isUnicode: unicode.checked });
  readout.encoding.textContent = a.encoding;
  readout.characters.textContent = String(a.characters);
  readout.sms.textContent = String(a.smsCount);
  readout.remaining.textContent = String(a.remaining);
  readout.replacements.textContent = String(a.replacements.length);
  readout.unsupported.textContent = String(a.unsupported.length);
  readout.preview.textContent = a.preview;
}

message.addEventListener('input', update);
unicode.addEventListener('change', update);
update();
document.documentElement.dataset.ready = '1';
