// The instrument traits table (see instrument_traits.h): the one copy of each instrument fact.
#include "core/instrument_traits.h"

#include "core/i18n.h"

namespace graphony {

namespace {

using F = InstrumentFamily;
using I = InstrumentIcon;
using K = InstrumentKind;

// The engine's own voices come first: the calm defaults. Ranges are the real instrument's where
// there is one (flute C4..C7, five-octave marimba C2..C7, harp C1..G#7, bass E1..G4); the synthetic
// voices get the span they sound good in. Decay times are the fundamental's T60 the voices are
// built with (synth/units read them).
constexpr InstrumentTraits kTable[] = {
    // name, display, kind, GM, family, clef, transp, low, high, sustains, decay, icon, untuned
    {"sine", N_("Sine"), K::kSine, 79 /* ocarina: the purest GM tone */, F::kSynth, std::nullopt, 0,
     24, 108, true, 0.0, I::kWave, false},
    {"soft-pad", N_("Warm pad"), K::kSoftPad, 89 /* pad 2 (warm) */, F::kSynth, std::nullopt, 0, 36,
     96, true, 0.0, I::kCloud, false},
    {"pluck", N_("Harp"), K::kPluck, 46 /* orchestral harp */, F::kPluckedString, std::nullopt, 0,
     24, 103, false, 2.8, I::kGuitar, false},
    {"marimba", N_("Marimba"), K::kMarimba, 12, F::kPitchedPercussion, Clef::kTreble, 0, 36, 96,
     false, 1.4, I::kBars, false},
    {"flute", N_("Flute"), K::kFlute, 73, F::kWoodwind, Clef::kTreble, 0, 60, 96, true, 0.0,
     I::kFlute, false},
    {"bell", N_("Bells"), K::kBell, 14 /* tubular bells */, F::kPitchedPercussion, Clef::kTreble, 0,
     48, 96, false, 5.0, I::kBell, false},
    {"bass", N_("Bass"), K::kBass, 32 /* acoustic bass */, F::kPluckedString, Clef::kBass, 0, 28,
     67, true, 0.0, I::kLowWave, false},
    // The engine's drum is a tom whose body pitch follows the note (a tint), hence a pitched
    // staff and taiko (a pitched GM drum) rather than the GM kit.
    {"drum", N_("Drum"), K::kDrum, 116 /* taiko drum */, F::kPitchedPercussion, std::nullopt, 0, 36,
     72, false, 0.6, I::kDrum, false},
    // Sounds recorded on site are mostly voices ("paint with your own voice"): exports fall
    // back to GM voice oohs, and the part is named after the sample (its palette name).
    {"sampler", N_("Sampler"), K::kSampler, 53 /* voice oohs */, F::kVoice, std::nullopt, 0, 21,
     108, false, 0.0, I::kMicrophone, false},
    // The chamber set: soundfont instruments the groups' musicians play. Ranges are sounding
    // pitch; transposition is written = sounding - transposition (clarinet in B-flat sounds a
    // tone lower than written, the double bass an octave lower, the glockenspiel two higher).
    {"cello", N_("Cello"), K::kGeneralMidi, 42, F::kBowedString, Clef::kBass, 0, 36, 84, true, 0.0,
     I::kBowed, false, K::kSoftPad},
    {"violin", N_("Violin"), K::kGeneralMidi, 40, F::kBowedString, Clef::kTreble, 0, 55, 100, true,
     0.0, I::kBowed, false, K::kSoftPad},
    {"clarinet", N_("Clarinet in Bb"), K::kGeneralMidi, 71, F::kWoodwind, Clef::kTreble, -2, 50, 94,
     true, 0.0, I::kFlute, false, K::kFlute},
    {"concert-flute", N_("Flute"), K::kGeneralMidi, 73, F::kWoodwind, Clef::kTreble, 0, 60, 96,
     true, 0.0, I::kFlute, false, K::kFlute},
    {"concert-harp", N_("Harp"), K::kGeneralMidi, 46, F::kPluckedString, std::nullopt, 0, 24, 103,
     false, 2.8, I::kGuitar, false, K::kPluck},
    {"double-bass", N_("Double bass"), K::kGeneralMidi, 43, F::kBowedString, Clef::kBass, -12, 28,
     67, true, 0.0, I::kBowed, false, K::kBass},
    {"concert-marimba", N_("Marimba"), K::kGeneralMidi, 12, F::kPitchedPercussion, Clef::kTreble, 0,
     36, 96, false, 1.4, I::kBars, false, K::kMarimba},
    {"glockenspiel", N_("Glockenspiel"), K::kGeneralMidi, 9, F::kPitchedPercussion, Clef::kTreble,
     24, 79, 108, false, 2.0, I::kBell, false, K::kBell},
    {"piano", N_("Piano"), K::kGeneralMidi, 0, F::kKeyboard, std::nullopt, 0, 21, 108, false, 3.0,
     I::kKeys, false, K::kPluck},
    // Untuned percussion: GM percussion kits (bank 128), where each key is a different drum
    // (35 acoustic bass drum .. 81 open triangle); played on MIDI channel 10.
    {"drum-kit", N_("Drum kit"), K::kGeneralMidi, 0, F::kUntunedPercussion, Clef::kPercussion, 0,
     35, 81, false, 0.8, I::kDrum, true, K::kDrum, 128},
    {"orchestral-percussion", N_("Orchestral percussion"), K::kGeneralMidi, 48,
     F::kUntunedPercussion, Clef::kPercussion, 0, 27, 87, false, 1.5, I::kDrum, true, K::kDrum,
     128},
    // Every General MIDI program (the first soundfont bank), so a palette entry can be any of
    // them; ranges and clefs are typical of each GM group.
    {"gm-acoustic-grand-piano", N_("Acoustic Grand Piano"), K::kGeneralMidi, 0, F::kKeyboard,
     std::nullopt, 0, 21, 108, false, 3.0, I::kKeys, false, K::kPluck},
    {"gm-bright-acoustic-piano", N_("Bright Acoustic Piano"), K::kGeneralMidi, 1, F::kKeyboard,
     std::nullopt, 0, 21, 108, false, 3.0, I::kKeys, false, K::kPluck},
    {"gm-electric-grand-piano", N_("Electric Grand Piano"), K::kGeneralMidi, 2, F::kKeyboard,
     std::nullopt, 0, 21, 108, false, 3.0, I::kKeys, false, K::kPluck},
    {"gm-honky-tonk-piano", N_("Honky-tonk Piano"), K::kGeneralMidi, 3, F::kKeyboard, std::nullopt,
     0, 21, 108, false, 3.0, I::kKeys, false, K::kPluck},
    {"gm-electric-piano-1", N_("Electric Piano 1"), K::kGeneralMidi, 4, F::kKeyboard, std::nullopt,
     0, 21, 108, false, 3.0, I::kKeys, false, K::kPluck},
    {"gm-electric-piano-2", N_("Electric Piano 2"), K::kGeneralMidi, 5, F::kKeyboard, std::nullopt,
     0, 21, 108, false, 3.0, I::kKeys, false, K::kPluck},
    {"gm-harpsichord", N_("Harpsichord"), K::kGeneralMidi, 6, F::kKeyboard, std::nullopt, 0, 21,
     108, false, 3.0, I::kKeys, false, K::kPluck},
    {"gm-clavinet", N_("Clavinet"), K::kGeneralMidi, 7, F::kKeyboard, std::nullopt, 0, 21, 108,
     false, 3.0, I::kKeys, false, K::kPluck},
    {"gm-celesta", N_("Celesta"), K::kGeneralMidi, 8, F::kPitchedPercussion, Clef::kTreble, 0, 60,
     108, false, 2.0, I::kBell, false, K::kBell},
    {"gm-glockenspiel", N_("Glockenspiel"), K::kGeneralMidi, 9, F::kPitchedPercussion,
     Clef::kTreble, 0, 60, 108, false, 2.0, I::kBell, false, K::kBell},
    {"gm-music-box", N_("Music Box"), K::kGeneralMidi, 10, F::kPitchedPercussion, Clef::kTreble, 0,
     60, 108, false, 2.0, I::kBell, false, K::kBell},
    {"gm-vibraphone", N_("Vibraphone"), K::kGeneralMidi, 11, F::kPitchedPercussion, Clef::kTreble,
     0, 41, 96, false, 1.4, I::kBars, false, K::kMarimba},
    {"gm-marimba", N_("Marimba"), K::kGeneralMidi, 12, F::kPitchedPercussion, Clef::kTreble, 0, 41,
     96, false, 1.4, I::kBars, false, K::kMarimba},
    {"gm-xylophone", N_("Xylophone"), K::kGeneralMidi, 13, F::kPitchedPercussion, Clef::kTreble, 0,
     41, 96, false, 1.4, I::kBars, false, K::kMarimba},
    {"gm-tubular-bells", N_("Tubular Bells"), K::kGeneralMidi, 14, F::kPitchedPercussion,
     Clef::kTreble, 0, 60, 77, false, 5.0, I::kBell, false, K::kBell},
    {"gm-dulcimer", N_("Dulcimer"), K::kGeneralMidi, 15, F::kPluckedString, std::nullopt, 0, 36, 96,
     false, 2.0, I::kGuitar, false, K::kPluck},
    {"gm-drawbar-organ", N_("Drawbar Organ"), K::kGeneralMidi, 16, F::kKeyboard, std::nullopt, 0,
     24, 108, true, 0.0, I::kKeys, false, K::kSoftPad},
    {"gm-percussive-organ", N_("Percussive Organ"), K::kGeneralMidi, 17, F::kKeyboard, std::nullopt,
     0, 24, 108, true, 0.0, I::kKeys, false, K::kSoftPad},
    {"gm-rock-organ", N_("Rock Organ"), K::kGeneralMidi, 18, F::kKeyboard, std::nullopt, 0, 24, 108,
     true, 0.0, I::kKeys, false, K::kSoftPad},
    {"gm-church-organ", N_("Church Organ"), K::kGeneralMidi, 19, F::kKeyboard, std::nullopt, 0, 24,
     108, true, 0.0, I::kKeys, false, K::kSoftPad},
    {"gm-reed-organ", N_("Reed Organ"), K::kGeneralMidi, 20, F::kKeyboard, std::nullopt, 0, 24, 108,
     true, 0.0, I::kKeys, false, K::kSoftPad},
    {"gm-accordion", N_("Accordion"), K::kGeneralMidi, 21, F::kKeyboard, std::nullopt, 0, 53, 89,
     true, 0.0, I::kKeys, false, K::kSoftPad},
    {"gm-harmonica", N_("Harmonica"), K::kGeneralMidi, 22, F::kWoodwind, Clef::kTreble, 0, 60, 96,
     true, 0.0, I::kFlute, false, K::kFlute},
    {"gm-tango-accordion", N_("Tango Accordion"), K::kGeneralMidi, 23, F::kKeyboard, std::nullopt,
     0, 53, 89, true, 0.0, I::kKeys, false, K::kSoftPad},
    {"gm-acoustic-guitar-nylon", N_("Acoustic Guitar (nylon)"), K::kGeneralMidi, 24,
     F::kPluckedString, Clef::kTreble, 0, 40, 88, false, 2.5, I::kGuitar, false, K::kPluck},
    {"gm-acoustic-guitar-steel", N_("Acoustic Guitar (steel)"), K::kGeneralMidi, 25,
     F::kPluckedString, Clef::kTreble, 0, 40, 88, false, 2.5, I::kGuitar, false, K::kPluck},
    {"gm-electric-guitar-jazz", N_("Electric Guitar (jazz)"), K::kGeneralMidi, 26,
     F::kPluckedString, Clef::kTreble, 0, 40, 88, false, 2.5, I::kGuitar, false, K::kPluck},
    {"gm-electric-guitar-clean", N_("Electric Guitar (clean)"), K::kGeneralMidi, 27,
     F::kPluckedString, Clef::kTreble, 0, 40, 88, false, 2.5, I::kGuitar, false, K::kPluck},
    {"gm-electric-guitar-muted", N_("Electric Guitar (muted)"), K::kGeneralMidi, 28,
     F::kPluckedString, Clef::kTreble, 0, 40, 88, false, 2.5, I::kGuitar, false, K::kPluck},
    {"gm-overdriven-guitar", N_("Overdriven Guitar"), K::kGeneralMidi, 29, F::kPluckedString,
     Clef::kTreble, 0, 40, 88, false, 2.5, I::kGuitar, false, K::kPluck},
    {"gm-distortion-guitar", N_("Distortion Guitar"), K::kGeneralMidi, 30, F::kPluckedString,
     Clef::kTreble, 0, 40, 88, false, 2.5, I::kGuitar, false, K::kPluck},
    {"gm-guitar-harmonics", N_("Guitar Harmonics"), K::kGeneralMidi, 31, F::kPluckedString,
     Clef::kTreble, 0, 40, 88, false, 2.5, I::kGuitar, false, K::kPluck},
    {"gm-acoustic-bass", N_("Acoustic Bass"), K::kGeneralMidi, 32, F::kPluckedString, Clef::kBass,
     0, 28, 67, false, 2.0, I::kLowWave, false, K::kBass},
    {"gm-electric-bass-finger", N_("Electric Bass (finger)"), K::kGeneralMidi, 33,
     F::kPluckedString, Clef::kBass, 0, 28, 67, false, 2.0, I::kLowWave, false, K::kBass},
    {"gm-electric-bass-pick", N_("Electric Bass (pick)"), K::kGeneralMidi, 34, F::kPluckedString,
     Clef::kBass, 0, 28, 67, false, 2.0, I::kLowWave, false, K::kBass},
    {"gm-fretless-bass", N_("Fretless Bass"), K::kGeneralMidi, 35, F::kPluckedString, Clef::kBass,
     0, 28, 67, false, 2.0, I::kLowWave, false, K::kBass},
    {"gm-slap-bass-1", N_("Slap Bass 1"), K::kGeneralMidi, 36, F::kPluckedString, Clef::kBass, 0,
     28, 67, false, 2.0, I::kLowWave, false, K::kBass},
    {"gm-slap-bass-2", N_("Slap Bass 2"), K::kGeneralMidi, 37, F::kPluckedString, Clef::kBass, 0,
     28, 67, false, 2.0, I::kLowWave, false, K::kBass},
    {"gm-synth-bass-1", N_("Synth Bass 1"), K::kGeneralMidi, 38, F::kPluckedString, Clef::kBass, 0,
     28, 67, false, 2.0, I::kLowWave, false, K::kBass},
    {"gm-synth-bass-2", N_("Synth Bass 2"), K::kGeneralMidi, 39, F::kPluckedString, Clef::kBass, 0,
     28, 67, false, 2.0, I::kLowWave, false, K::kBass},
    {"gm-violin", N_("Violin"), K::kGeneralMidi, 40, F::kBowedString, Clef::kTreble, 0, 55, 100,
     true, 0.0, I::kBowed, false, K::kSoftPad},
    {"gm-viola", N_("Viola"), K::kGeneralMidi, 41, F::kBowedString, std::nullopt, 0, 48, 88, true,
     0.0, I::kBowed, false, K::kSoftPad},
    {"gm-cello", N_("Cello"), K::kGeneralMidi, 42, F::kBowedString, Clef::kBass, 0, 36, 84, true,
     0.0, I::kBowed, false, K::kSoftPad},
    {"gm-contrabass", N_("Contrabass"), K::kGeneralMidi, 43, F::kBowedString, Clef::kBass, 0, 28,
     67, true, 0.0, I::kBowed, false, K::kBass},
    {"gm-tremolo-strings", N_("Tremolo Strings"), K::kGeneralMidi, 44, F::kBowedString,
     std::nullopt, 0, 28, 100, true, 0.0, I::kBowed, false, K::kSoftPad},
    {"gm-pizzicato-strings", N_("Pizzicato Strings"), K::kGeneralMidi, 45, F::kBowedString,
     std::nullopt, 0, 28, 100, false, 0.8, I::kBowed, false, K::kPluck},
    {"gm-orchestral-harp", N_("Orchestral Harp"), K::kGeneralMidi, 46, F::kPluckedString,
     std::nullopt, 0, 24, 103, false, 2.8, I::kGuitar, false, K::kPluck},
    {"gm-timpani", N_("Timpani"), K::kGeneralMidi, 47, F::kPitchedPercussion, Clef::kBass, 0, 40,
     57, false, 2.0, I::kDrum, false, K::kDrum},
    {"gm-string-ensemble-1", N_("String Ensemble 1"), K::kGeneralMidi, 48, F::kBowedString,
     std::nullopt, 0, 28, 100, true, 0.0, I::kBowed, false, K::kSoftPad},
    {"gm-string-ensemble-2", N_("String Ensemble 2"), K::kGeneralMidi, 49, F::kBowedString,
     std::nullopt, 0, 28, 100, true, 0.0, I::kBowed, false, K::kSoftPad},
    {"gm-synth-strings-1", N_("Synth Strings 1"), K::kGeneralMidi, 50, F::kBowedString,
     std::nullopt, 0, 28, 100, true, 0.0, I::kBowed, false, K::kSoftPad},
    {"gm-synth-strings-2", N_("Synth Strings 2"), K::kGeneralMidi, 51, F::kBowedString,
     std::nullopt, 0, 28, 100, true, 0.0, I::kBowed, false, K::kSoftPad},
    {"gm-choir-aahs", N_("Choir Aahs"), K::kGeneralMidi, 52, F::kVoice, std::nullopt, 0, 40, 84,
     true, 0.0, I::kVoice, false, K::kSoftPad},
    {"gm-voice-oohs", N_("Voice Oohs"), K::kGeneralMidi, 53, F::kVoice, std::nullopt, 0, 40, 84,
     true, 0.0, I::kVoice, false, K::kSoftPad},
    {"gm-synth-voice", N_("Synth Voice"), K::kGeneralMidi, 54, F::kVoice, std::nullopt, 0, 40, 84,
     true, 0.0, I::kVoice, false, K::kSoftPad},
    {"gm-orchestra-hit", N_("Orchestra Hit"), K::kGeneralMidi, 55, F::kSynth, std::nullopt, 0, 36,
     96, false, 1.0, I::kNote, false, K::kBell},
    {"gm-trumpet", N_("Trumpet"), K::kGeneralMidi, 56, F::kBrass, Clef::kTreble, 0, 52, 82, true,
     0.0, I::kBrass, false, K::kFlute},
    {"gm-trombone", N_("Trombone"), K::kGeneralMidi, 57, F::kBrass, Clef::kBass, 0, 40, 72, true,
     0.0, I::kBrass, false, K::kBass},
    {"gm-tuba", N_("Tuba"), K::kGeneralMidi, 58, F::kBrass, Clef::kBass, 0, 28, 53, true, 0.0,
     I::kBrass, false, K::kBass},
    {"gm-muted-trumpet", N_("Muted Trumpet"), K::kGeneralMidi, 59, F::kBrass, Clef::kTreble, 0, 52,
     82, true, 0.0, I::kBrass, false, K::kFlute},
    {"gm-french-horn", N_("French Horn"), K::kGeneralMidi, 60, F::kBrass, std::nullopt, 0, 34, 77,
     true, 0.0, I::kBrass, false, K::kSoftPad},
    {"gm-brass-section", N_("Brass Section"), K::kGeneralMidi, 61, F::kBrass, std::nullopt, 0, 36,
     84, true, 0.0, I::kBrass, false, K::kSoftPad},
    {"gm-synth-brass-1", N_("Synth Brass 1"), K::kGeneralMidi, 62, F::kBrass, std::nullopt, 0, 36,
     84, true, 0.0, I::kBrass, false, K::kSoftPad},
    {"gm-synth-brass-2", N_("Synth Brass 2"), K::kGeneralMidi, 63, F::kBrass, std::nullopt, 0, 36,
     84, true, 0.0, I::kBrass, false, K::kSoftPad},
    {"gm-soprano-sax", N_("Soprano Sax"), K::kGeneralMidi, 64, F::kWoodwind, Clef::kTreble, 0, 56,
     88, true, 0.0, I::kFlute, false, K::kFlute},
    {"gm-alto-sax", N_("Alto Sax"), K::kGeneralMidi, 65, F::kWoodwind, Clef::kTreble, 0, 49, 81,
     true, 0.0, I::kFlute, false, K::kFlute},
    {"gm-tenor-sax", N_("Tenor Sax"), K::kGeneralMidi, 66, F::kWoodwind, Clef::kTreble, 0, 44, 76,
     true, 0.0, I::kFlute, false, K::kFlute},
    {"gm-baritone-sax", N_("Baritone Sax"), K::kGeneralMidi, 67, F::kWoodwind, Clef::kTreble, 0, 36,
     69, true, 0.0, I::kFlute, false, K::kFlute},
    {"gm-oboe", N_("Oboe"), K::kGeneralMidi, 68, F::kWoodwind, Clef::kTreble, 0, 58, 91, true, 0.0,
     I::kFlute, false, K::kFlute},
    {"gm-english-horn", N_("English Horn"), K::kGeneralMidi, 69, F::kWoodwind, Clef::kTreble, 0, 52,
     81, true, 0.0, I::kFlute, false, K::kFlute},
    {"gm-bassoon", N_("Bassoon"), K::kGeneralMidi, 70, F::kWoodwind, Clef::kBass, 0, 34, 75, true,
     0.0, I::kFlute, false, K::kFlute},
    {"gm-clarinet", N_("Clarinet"), K::kGeneralMidi, 71, F::kWoodwind, Clef::kTreble, 0, 50, 94,
     true, 0.0, I::kFlute, false, K::kFlute},
    {"gm-piccolo", N_("Piccolo"), K::kGeneralMidi, 72, F::kWoodwind, Clef::kTreble, 0, 74, 108,
     true, 0.0, I::kFlute, false, K::kFlute},
    {"gm-flute", N_("Flute"), K::kGeneralMidi, 73, F::kWoodwind, Clef::kTreble, 0, 60, 96, true,
     0.0, I::kFlute, false, K::kFlute},
    {"gm-recorder", N_("Recorder"), K::kGeneralMidi, 74, F::kWoodwind, Clef::kTreble, 0, 60, 98,
     true, 0.0, I::kFlute, false, K::kFlute},
    {"gm-pan-flute", N_("Pan Flute"), K::kGeneralMidi, 75, F::kWoodwind, Clef::kTreble, 0, 60, 96,
     true, 0.0, I::kFlute, false, K::kFlute},
    {"gm-blown-bottle", N_("Blown Bottle"), K::kGeneralMidi, 76, F::kWoodwind, Clef::kTreble, 0, 60,
     96, true, 0.0, I::kFlute, false, K::kFlute},
    {"gm-shakuhachi", N_("Shakuhachi"), K::kGeneralMidi, 77, F::kWoodwind, Clef::kTreble, 0, 60, 96,
     true, 0.0, I::kFlute, false, K::kFlute},
    {"gm-whistle", N_("Whistle"), K::kGeneralMidi, 78, F::kWoodwind, Clef::kTreble, 0, 60, 96, true,
     0.0, I::kFlute, false, K::kFlute},
    {"gm-ocarina", N_("Ocarina"), K::kGeneralMidi, 79, F::kWoodwind, Clef::kTreble, 0, 60, 96, true,
     0.0, I::kFlute, false, K::kFlute},
    {"gm-lead-1-square", N_("Lead 1 (square)"), K::kGeneralMidi, 80, F::kSynth, std::nullopt, 0, 36,
     96, true, 0.0, I::kWave, false, K::kSine},
    {"gm-lead-2-sawtooth", N_("Lead 2 (sawtooth)"), K::kGeneralMidi, 81, F::kSynth, std::nullopt, 0,
     36, 96, true, 0.0, I::kWave, false, K::kSine},
    {"gm-lead-3-calliope", N_("Lead 3 (calliope)"), K::kGeneralMidi, 82, F::kSynth, std::nullopt, 0,
     36, 96, true, 0.0, I::kWave, false, K::kSine},
    {"gm-lead-4-chiff", N_("Lead 4 (chiff)"), K::kGeneralMidi, 83, F::kSynth, std::nullopt, 0, 36,
     96, true, 0.0, I::kWave, false, K::kSine},
    {"gm-lead-5-charang", N_("Lead 5 (charang)"), K::kGeneralMidi, 84, F::kSynth, std::nullopt, 0,
     36, 96, true, 0.0, I::kWave, false, K::kSine},
    {"gm-lead-6-voice", N_("Lead 6 (voice)"), K::kGeneralMidi, 85, F::kSynth, std::nullopt, 0, 36,
     96, true, 0.0, I::kWave, false, K::kSine},
    {"gm-lead-7-fifths", N_("Lead 7 (fifths)"), K::kGeneralMidi, 86, F::kSynth, std::nullopt, 0, 36,
     96, true, 0.0, I::kWave, false, K::kSine},
    {"gm-lead-8-bass-lead", N_("Lead 8 (bass + lead)"), K::kGeneralMidi, 87, F::kSynth,
     std::nullopt, 0, 36, 96, true, 0.0, I::kWave, false, K::kSine},
    {"gm-pad-1-new-age", N_("Pad 1 (new age)"), K::kGeneralMidi, 88, F::kSynth, std::nullopt, 0, 36,
     96, true, 0.0, I::kCloud, false, K::kSoftPad},
    {"gm-pad-2-warm", N_("Pad 2 (warm)"), K::kGeneralMidi, 89, F::kSynth, std::nullopt, 0, 36, 96,
     true, 0.0, I::kCloud, false, K::kSoftPad},
    {"gm-pad-3-polysynth", N_("Pad 3 (polysynth)"), K::kGeneralMidi, 90, F::kSynth, std::nullopt, 0,
     36, 96, true, 0.0, I::kCloud, false, K::kSoftPad},
    {"gm-pad-4-choir", N_("Pad 4 (choir)"), K::kGeneralMidi, 91, F::kSynth, std::nullopt, 0, 36, 96,
     true, 0.0, I::kCloud, false, K::kSoftPad},
    {"gm-pad-5-bowed", N_("Pad 5 (bowed)"), K::kGeneralMidi, 92, F::kSynth, std::nullopt, 0, 36, 96,
     true, 0.0, I::kCloud, false, K::kSoftPad},
    {"gm-pad-6-metallic", N_("Pad 6 (metallic)"), K::kGeneralMidi, 93, F::kSynth, std::nullopt, 0,
     36, 96, true, 0.0, I::kCloud, false, K::kSoftPad},
    {"gm-pad-7-halo", N_("Pad 7 (halo)"), K::kGeneralMidi, 94, F::kSynth, std::nullopt, 0, 36, 96,
     true, 0.0, I::kCloud, false, K::kSoftPad},
    {"gm-pad-8-sweep", N_("Pad 8 (sweep)"), K::kGeneralMidi, 95, F::kSynth, std::nullopt, 0, 36, 96,
     true, 0.0, I::kCloud, false, K::kSoftPad},
    {"gm-fx-1-rain", N_("FX 1 (rain)"), K::kGeneralMidi, 96, F::kEffects, std::nullopt, 0, 36, 96,
     true, 0.0, I::kCloud, false, K::kSoftPad},
    {"gm-fx-2-soundtrack", N_("FX 2 (soundtrack)"), K::kGeneralMidi, 97, F::kEffects, std::nullopt,
     0, 36, 96, true, 0.0, I::kCloud, false, K::kSoftPad},
    {"gm-fx-3-crystal", N_("FX 3 (crystal)"), K::kGeneralMidi, 98, F::kEffects, std::nullopt, 0, 36,
     96, true, 0.0, I::kCloud, false, K::kSoftPad},
    {"gm-fx-4-atmosphere", N_("FX 4 (atmosphere)"), K::kGeneralMidi, 99, F::kEffects, std::nullopt,
     0, 36, 96, true, 0.0, I::kCloud, false, K::kSoftPad},
    {"gm-fx-5-brightness", N_("FX 5 (brightness)"), K::kGeneralMidi, 100, F::kEffects, std::nullopt,
     0, 36, 96, true, 0.0, I::kCloud, false, K::kSoftPad},
    {"gm-fx-6-goblins", N_("FX 6 (goblins)"), K::kGeneralMidi, 101, F::kEffects, std::nullopt, 0,
     36, 96, true, 0.0, I::kCloud, false, K::kSoftPad},
    {"gm-fx-7-echoes", N_("FX 7 (echoes)"), K::kGeneralMidi, 102, F::kEffects, std::nullopt, 0, 36,
     96, true, 0.0, I::kCloud, false, K::kSoftPad},
    {"gm-fx-8-sci-fi", N_("FX 8 (sci-fi)"), K::kGeneralMidi, 103, F::kEffects, std::nullopt, 0, 36,
     96, true, 0.0, I::kCloud, false, K::kSoftPad},
    {"gm-sitar", N_("Sitar"), K::kGeneralMidi, 104, F::kPluckedString, std::nullopt, 0, 40, 88,
     false, 2.5, I::kGuitar, false, K::kPluck},
    {"gm-banjo", N_("Banjo"), K::kGeneralMidi, 105, F::kPluckedString, std::nullopt, 0, 40, 88,
     false, 2.5, I::kGuitar, false, K::kPluck},
    {"gm-shamisen", N_("Shamisen"), K::kGeneralMidi, 106, F::kPluckedString, std::nullopt, 0, 40,
     88, false, 2.5, I::kGuitar, false, K::kPluck},
    {"gm-koto", N_("Koto"), K::kGeneralMidi, 107, F::kPluckedString, std::nullopt, 0, 40, 88, false,
     2.5, I::kGuitar, false, K::kPluck},
    {"gm-kalimba", N_("Kalimba"), K::kGeneralMidi, 108, F::kPitchedPercussion, Clef::kTreble, 0, 60,
     96, false, 1.2, I::kBars, false, K::kMarimba},
    {"gm-bagpipe", N_("Bagpipe"), K::kGeneralMidi, 109, F::kWoodwind, Clef::kTreble, 0, 57, 89,
     true, 0.0, I::kFlute, false, K::kFlute},
    {"gm-fiddle", N_("Fiddle"), K::kGeneralMidi, 110, F::kBowedString, Clef::kTreble, 0, 55, 100,
     true, 0.0, I::kBowed, false, K::kSoftPad},
    {"gm-shanai", N_("Shanai"), K::kGeneralMidi, 111, F::kWoodwind, Clef::kTreble, 0, 57, 89, true,
     0.0, I::kFlute, false, K::kFlute},
    {"gm-tinkle-bell", N_("Tinkle Bell"), K::kGeneralMidi, 112, F::kPitchedPercussion,
     Clef::kTreble, 0, 60, 96, false, 1.5, I::kBell, false, K::kBell},
    {"gm-agogo", N_("Agogo"), K::kGeneralMidi, 113, F::kPitchedPercussion, Clef::kTreble, 0, 60, 96,
     false, 1.5, I::kBell, false, K::kBell},
    {"gm-steel-drums", N_("Steel Drums"), K::kGeneralMidi, 114, F::kPitchedPercussion,
     Clef::kTreble, 0, 60, 96, false, 1.5, I::kBell, false, K::kBell},
    {"gm-woodblock", N_("Woodblock"), K::kGeneralMidi, 115, F::kPitchedPercussion, std::nullopt, 0,
     36, 84, false, 0.6, I::kDrum, false, K::kDrum},
    {"gm-taiko-drum", N_("Taiko Drum"), K::kGeneralMidi, 116, F::kPitchedPercussion, std::nullopt,
     0, 36, 84, false, 0.6, I::kDrum, false, K::kDrum},
    {"gm-melodic-tom", N_("Melodic Tom"), K::kGeneralMidi, 117, F::kPitchedPercussion, std::nullopt,
     0, 36, 84, false, 0.6, I::kDrum, false, K::kDrum},
    {"gm-synth-drum", N_("Synth Drum"), K::kGeneralMidi, 118, F::kPitchedPercussion, std::nullopt,
     0, 36, 84, false, 0.6, I::kDrum, false, K::kDrum},
    {"gm-reverse-cymbal", N_("Reverse Cymbal"), K::kGeneralMidi, 119, F::kPitchedPercussion,
     std::nullopt, 0, 36, 84, false, 0.6, I::kDrum, false, K::kDrum},
    {"gm-guitar-fret-noise", N_("Guitar Fret Noise"), K::kGeneralMidi, 120, F::kEffects,
     std::nullopt, 0, 36, 96, false, 1.5, I::kNote, false, K::kDrum},
    {"gm-breath-noise", N_("Breath Noise"), K::kGeneralMidi, 121, F::kEffects, std::nullopt, 0, 36,
     96, false, 1.5, I::kNote, false, K::kDrum},
    {"gm-seashore", N_("Seashore"), K::kGeneralMidi, 122, F::kEffects, std::nullopt, 0, 36, 96,
     false, 1.5, I::kNote, false, K::kDrum},
    {"gm-bird-tweet", N_("Bird Tweet"), K::kGeneralMidi, 123, F::kEffects, std::nullopt, 0, 36, 96,
     false, 1.5, I::kNote, false, K::kDrum},
    {"gm-telephone-ring", N_("Telephone Ring"), K::kGeneralMidi, 124, F::kEffects, std::nullopt, 0,
     36, 96, false, 1.5, I::kNote, false, K::kDrum},
    {"gm-helicopter", N_("Helicopter"), K::kGeneralMidi, 125, F::kEffects, std::nullopt, 0, 36, 96,
     false, 1.5, I::kNote, false, K::kDrum},
    {"gm-applause", N_("Applause"), K::kGeneralMidi, 126, F::kEffects, std::nullopt, 0, 36, 96,
     false, 1.5, I::kNote, false, K::kDrum},
    {"gm-gunshot", N_("Gunshot"), K::kGeneralMidi, 127, F::kEffects, std::nullopt, 0, 36, 96, false,
     1.5, I::kNote, false, K::kDrum},
};

}  // namespace

std::span<const InstrumentTraits> AllInstruments() { return kTable; }

const InstrumentTraits* FindInstrument(std::string_view name) {
  for (const InstrumentTraits& t : AllInstruments())
    if (t.name == name) return &t;
  return nullptr;
}

const InstrumentTraits& InstrumentOrDefault(std::string_view name) {
  const InstrumentTraits* t = FindInstrument(name);
  return t ? *t : AllInstruments().front();
}

const InstrumentTraits& TraitsOf(InstrumentKind kind) {
  for (const InstrumentTraits& t : AllInstruments())
    if (t.kind == kind) return t;
  return AllInstruments().front();
}

InstrumentKind KindWithoutSoundfont(const InstrumentTraits& traits) {
  return traits.kind == InstrumentKind::kGeneralMidi ? traits.fallback : traits.kind;
}

std::span<const InstrumentFamily> AllFamilies() {
  static constexpr InstrumentFamily kFamilies[] = {
      F::kSynth, F::kKeyboard,          F::kPluckedString,     F::kBowedString, F::kWoodwind,
      F::kBrass, F::kPitchedPercussion, F::kUntunedPercussion, F::kVoice,       F::kEffects};
  return kFamilies;
}

std::string_view FamilyName(InstrumentFamily family) {
  switch (family) {
    case F::kSynth:
      return N_("Synth");
    case F::kKeyboard:
      return N_("Keyboards");
    case F::kPluckedString:
      return N_("Plucked strings");
    case F::kBowedString:
      return N_("Bowed strings");
    case F::kWoodwind:
      return N_("Woodwinds");
    case F::kBrass:
      return N_("Brass");
    case F::kPitchedPercussion:
      return N_("Pitched percussion");
    case F::kUntunedPercussion:
      return N_("Drums and percussion");
    case F::kVoice:
      return N_("Voices");
    case F::kEffects:
      return N_("Sound effects");
  }
  return "Other";
}

std::span<const std::string_view> ChamberInstruments() {
  static constexpr std::string_view kChamber[] = {"cello",           "violin",       "clarinet",
                                                  "concert-flute",   "concert-harp", "double-bass",
                                                  "concert-marimba", "glockenspiel", "piano"};
  return kChamber;
}

bool IsChamberInstrument(const InstrumentTraits& traits) {
  for (std::string_view name : ChamberInstruments())
    if (name == traits.name) return true;
  return false;
}

std::string_view DefaultInstrumentName() { return AllInstruments().front().name; }

std::string InstrumentNameList() {
  // One line: every name but the 128 "gm-" programs, which are summed up.
  std::string names;
  int programs = 0;
  for (const InstrumentTraits& t : AllInstruments()) {
    if (t.name.rfind("gm-", 0) == 0) {
      ++programs;
      continue;
    }
    if (!names.empty()) names += ", ";
    names += t.name;
  }
  if (programs > 0)
    names += ", and " + std::to_string(programs) +
             " General MIDI programs gm-..., listed by graphony-cli instruments";
  return names;
}

Clef StaffClef(const InstrumentTraits* traits, double mean_pitch) {
  if (traits && traits->untuned_percussion) return Clef::kPercussion;
  if (traits && traits->clef && mean_pitch >= traits->lowest_midi &&
      mean_pitch <= traits->highest_midi)
    return *traits->clef;
  return mean_pitch < 60 ? Clef::kBass : Clef::kTreble;
}

}  // namespace graphony
