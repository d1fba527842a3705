// EngineSettingsForScore (see score_settings.h).
#include "synth/score_settings.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <set>

#include "synth/sample_loader.h"
#include "synth/soundfont.h"

namespace graphony {

namespace {
constexpr int kBankSlack = 64;  // per bank: the oscillator bank lays partials out in groups
}

std::string ScoreSoundfontPath(const Score& score) {
  const std::filesystem::path named = score.soundfont;
  if (named.empty() || named.is_absolute() || score.folder.path.empty()) return score.soundfont;
  return (std::filesystem::path(score.folder.path) / named).lexically_normal().string();
}

EngineSettings EngineSettingsForScore(const Score& score, const Events& events, EngineSettings base,
                                      EngineUse use) {
  base.assets = score.assets;  // the sampler looks in the bundle first
  base.sampled_instruments = score.sampled_instruments;
  // The score's own soundfont, unless the caller or $GRAPHONY_SOUNDFONT (graphony-cli
  // --soundfont) chose one. One that cannot be used is said once, and the default plays.
  const char* env = std::getenv("GRAPHONY_SOUNDFONT");
  if (base.soundfont.empty() && !(env && *env) && !score.soundfont.empty()) {
    const std::string path = ScoreSoundfontPath(score);
    std::string error;
    if (Soundfont::Shared(path, &error)) {
      base.soundfont = path;
    } else {
      static std::mutex mutex;
      static auto* said = new std::set<std::string>();  // lives for the process, like the cache
      std::lock_guard<std::mutex> lock(mutex);
      if (said->insert(path).second)
        std::fprintf(stderr, "graphony: the score's soundfont %s; playing with the default one\n",
                     error.c_str());
    }
  }
  // Live playback plays at the same R128 loudness as a normalised render of the same score
  // (offline, OfflineOptions::normalise decides).
  if (use == EngineUse::kLive) base.normalise_loudness = true;
  if (base.samples_dir.empty()) base.samples_dir = DefaultSamplesDir().string();
  if (use == EngineUse::kOffline && !events.banks.empty()) {
    int rows = 0;
    for (const auto& b : events.banks) rows += static_cast<int>(b.rows.size());
    base.max_partials =
        std::max(base.max_partials, rows + kBankSlack * static_cast<int>(events.banks.size()));
  }
  return base;
}

}  // namespace graphony
