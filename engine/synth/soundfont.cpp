// Soundfont (see soundfont.h): a private FluidSynth "host" synth that never renders owns the
// loaded soundfont. It loads samples lazily (synth.dynamic-sample-loading): sfload only reads
// the preset tables, and selecting a preset on one of the host's channels decodes its samples
// (an sf3's Vorbis) and keeps them loaded for the life of the process.
#include "synth/soundfont.h"

#include <fluidsynth.h>  // types and constants; the functions come through Fluid()

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <mutex>
#include <utility>

#include "synth/fluid_api.h"

namespace graphony {

struct GmPreset {
  fluid_preset_t* preset;
};

namespace {

constexpr const char* kPackaged[] = {
    "/usr/share/sounds/sf3/MuseScore_General_Lite.sf3",  // musescore-general-soundfont-small
    "/usr/share/sounds/sf3/MuseScore_General.sf3",       // the full one (same package family)
    "/usr/share/sounds/sf2/TimGM6mb.sf2",                // timgm6mb-soundfont
    "/usr/share/sounds/sf2/FluidR3_GM.sf2",              // fluid-soundfont-gm
};

constexpr int kHostChannels = 256;  // one per preset ever used (GM has 128 + a few kits)

std::mutex& CacheMutex() {
  static std::mutex m;
  return m;
}

// "" when `path` has a SoundFont's outline: a RIFF "sfbk" file (SF2, and SF3 alike) whose
// top-level chunks fit inside it and include the INFO, sdta and pdta lists; else the problem.
// A cut-short download or another RIFF file fails here; the tables inside are FluidSynth's.
std::string RiffProblem(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return "cannot open the soundfont file";
  auto u32 = [](const unsigned char* b) {
    return uint64_t{b[0]} | uint64_t{b[1]} << 8 | uint64_t{b[2]} << 16 | uint64_t{b[3]} << 24;
  };
  unsigned char head[12] = {};
  std::string problem;
  if (std::fread(head, 1, sizeof head, f) != sizeof head || std::memcmp(head, "RIFF", 4) != 0 ||
      std::memcmp(head + 8, "sfbk", 4) != 0) {
    problem = "not a soundfont (SF2/SF3 files start with a RIFF sfbk header)";
  } else {
    std::error_code ec;
    const uint64_t file_size = std::filesystem::file_size(path, ec);
    const uint64_t end = std::min<uint64_t>(ec ? 0 : file_size, 8 + u32(head + 4));
    bool info = false, sdta = false, pdta = false;
    for (uint64_t at = 12; at + 8 <= end;) {
      unsigned char chunk[12] = {};
      if (std::fseek(f, static_cast<long>(at), SEEK_SET) != 0 ||
          std::fread(chunk, 1, sizeof chunk, f) < 8)
        break;
      const uint64_t size = u32(chunk + 4);
      if (at + 8 + size > end) break;  // cut short: the lists that follow are missing
      if (std::memcmp(chunk, "LIST", 4) == 0 && size >= 4) {
        info |= std::memcmp(chunk + 8, "INFO", 4) == 0;
        sdta |= std::memcmp(chunk + 8, "sdta", 4) == 0;
        pdta |= std::memcmp(chunk + 8, "pdta", 4) == 0;
      }
      at += 8 + size;
      // RIFF pads odd chunks to even sizes, but some soundfonts (MuseScore General's sf3)
      // leave the pad byte out: the next chunk is where its id is.
      if (size & 1) {
        char id[4] = {};
        if (std::fseek(f, static_cast<long>(at), SEEK_SET) != 0 ||
            std::fread(id, 1, sizeof id, f) != sizeof id || std::memcmp(id, "LIST", 4) != 0)
          ++at;
      }
    }
    if (!(info && sdta && pdta))
      problem = "not a whole soundfont (its INFO, sample or preset part is missing or cut short)";
  }
  std::fclose(f);
  return problem;
}

}  // namespace

std::span<const char* const> PackagedSoundfonts() { return kPackaged; }

std::string ChooseSoundfont(const std::string& requested) {
  if (!requested.empty()) return requested;
  if (const char* env = std::getenv("GRAPHONY_SOUNDFONT"); env && *env) return env;
  std::error_code ec;
  for (const char* path : kPackaged)
    if (std::filesystem::is_regular_file(path, ec)) return path;
  return {};
}

struct Soundfont::Host {
  const FluidApi* fl = nullptr;  // loaded before any Host is made
  fluid_settings_t* settings = nullptr;
  fluid_synth_t* synth = nullptr;
  fluid_sfont_t* sfont = nullptr;
  int sfont_id = -1;
  int next_channel = 0;
  std::map<std::pair<int, int>, GmPreset> presets;  // (bank, program) -> loaded preset
  std::mutex mutex;
  ~Host() {
    if (synth) fl->delete_synth(synth);
    if (settings) fl->delete_settings(settings);
  }
};

Soundfont::Soundfont(std::string path) : path_(std::move(path)), host_(std::make_unique<Host>()) {}
Soundfont::~Soundfont() = default;

Soundfont* Soundfont::Shared(const std::string& path, std::string* error) {
  std::lock_guard<std::mutex> lock(CacheMutex());
  // Loaded soundfonts stay for the process: engines' voices play their samples.
  static auto* cache = new std::map<std::string, std::unique_ptr<Soundfont>>();
  static auto* failures = new std::map<std::string, std::string>();
  if (auto it = cache->find(path); it != cache->end()) return it->second.get();
  if (auto it = failures->find(path); it != failures->end()) {
    if (error) *error = it->second;
    return nullptr;
  }
  auto fail = [&](const std::string& why) -> Soundfont* {
    const std::string message = path + ": " + why;
    (*failures)[path] = message;
    if (error) *error = message;
    return nullptr;
  };
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return fail("soundfont file not found");
  // Anything but a whole SoundFont is refused here, before FluidSynth's loaders (and
  // libinstpatch behind them) print their own complaints about it.
  if (const std::string problem = RiffProblem(path); !problem.empty()) return fail(problem);
  const FluidApi* fl = Fluid();
  if (!fl) return fail("FluidSynth (libfluidsynth3) cannot be loaded");
  const FluidApi& f = *fl;
  std::unique_ptr<Soundfont> sf(new Soundfont(path));
  Host& h = *sf->host_;
  h.fl = fl;
  h.settings = f.new_settings();
  if (!h.settings) return fail("cannot set up FluidSynth");
  f.settings_setint(h.settings, "synth.dynamic-sample-loading", 1);
  f.settings_setint(h.settings, "synth.midi-channels", kHostChannels);
  f.settings_setint(h.settings, "synth.polyphony", 1);
  f.settings_setint(h.settings, "synth.reverb.active", 0);
  f.settings_setint(h.settings, "synth.chorus.active", 0);
  h.synth = f.new_synth(h.settings);
  if (!h.synth) return fail("cannot set up FluidSynth");
  h.sfont_id = f.sfload(h.synth, path.c_str(), 0);
  if (h.sfont_id == FLUID_FAILED) return fail("not a soundfont FluidSynth can read (SF2/SF3)");
  h.sfont = f.get_sfont_by_id(h.synth, h.sfont_id);
  if (!h.sfont) return fail("not a soundfont FluidSynth can read (SF2/SF3)");
  Soundfont* out = sf.get();
  (*cache)[path] = std::move(sf);
  return out;
}

const GmPreset* Soundfont::Preset(int bank, int program) {
  Host& h = *host_;
  const FluidApi& f = *h.fl;
  std::lock_guard<std::mutex> lock(h.mutex);
  const auto key = std::make_pair(bank, program);
  if (auto it = h.presets.find(key); it != h.presets.end()) return &it->second;
  fluid_preset_t* p = f.sfont_get_preset(h.sfont, bank, program);
  int found_program = program;
  if (!p) {
    p = f.sfont_get_preset(h.sfont, bank, 0);
    found_program = 0;
  }
  if (!p || h.next_channel >= kHostChannels) return nullptr;
  // Selecting the preset on a host channel loads its samples, and keeps them loaded.
  if (f.program_select(h.synth, h.next_channel, h.sfont_id, bank, found_program) != FLUID_OK)
    return nullptr;
  ++h.next_channel;
  return &h.presets.emplace(key, GmPreset{p}).first->second;
}

// The engine's player reads the FluidSynth preset behind the opaque handle.
fluid_preset_t* FluidPresetOf(const GmPreset* preset) { return preset ? preset->preset : nullptr; }

}  // namespace graphony
