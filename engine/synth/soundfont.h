// The General MIDI soundfont: which file (the user's, else a Debian package's), loaded once per
// process and shared by every engine; presets are looked up and their samples loaded off the
// audio thread, so a voice only ever plays samples already in memory.
#pragma once

#include <memory>
#include <span>
#include <string>

namespace graphony {

// A soundfont preset ready to play (FluidSynth's fluid_preset_t, kept opaque here so headers
// need no FluidSynth include). Lives as long as the process.
struct GmPreset;

// Debian's General MIDI soundfonts, in the order they are tried when the user names none:
// MuseScore General (sf3), TimGM6mb, FluidR3.
std::span<const char* const> PackagedSoundfonts();

// The soundfont file to use: `requested` if not empty, else $GRAPHONY_SOUNDFONT, else the first
// packaged one present. Empty if there is none.
std::string ChooseSoundfont(const std::string& requested);

class Soundfont {
 public:
  // [any non-audio thread] The loaded soundfont for `path` (loaded on first call, then shared).
  // nullptr with `error` set to a one-line message naming the file if it cannot be loaded.
  static Soundfont* Shared(const std::string& path, std::string* error);

  // [any non-audio thread] The preset for a GM program (bank 0) or a percussion kit (bank 128),
  // its samples loaded; falls back to the bank's first preset with that program, then to
  // program 0 of the bank. nullptr if the soundfont has nothing in that bank.
  const GmPreset* Preset(int bank, int program);
  const std::string& Path() const { return path_; }

  ~Soundfont();

 private:
  struct Host;
  explicit Soundfont(std::string path);
  std::string path_;
  std::unique_ptr<Host> host_;
};

}  // namespace graphony
