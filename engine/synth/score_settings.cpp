// EngineSettingsForScore (see score_settings.h).
#include "synth/score_settings.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <mutex>

#include "synth/sample_loader.h"

namespace graphony {

namespace {
constexpr int kBankSlack = 64;  // per bank: the oscillator bank lays partials out in groups
}

EngineSettings EngineSettingsForScore(const Score& score, const Events& events, EngineSettings base,
                                      EngineUse use) {
  base.assets = score.assets;  // the sampler looks in the bundle first
  base.sampled_instruments = score.sampled_instruments;
  // The score's own soundfont, unless the caller or $GRAPHONY_SOUNDFONT (graphony-cli
  // --soundfont) chose one. A file that is not here is said once, and the default plays.
  const char* env = std::getenv("GRAPHONY_SOUNDFONT");
  if (base.soundfont.empty() && !(env && *env) && !score.soundfont.empty()) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(score.soundfont, ec)) {
      base.soundfont = score.soundfont;
    } else {
      static std::once_flag said;
      std::call_once(said, [&] {
        std::fprintf(stderr,
                     "graphony: the score's soundfont %s is not on this computer; playing with "
                     "the default soundfont\n",
                     score.soundfont.c_str());
      });
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
