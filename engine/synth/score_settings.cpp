// EngineSettingsForScore (see score_settings.h).
#include "synth/score_settings.h"

#include <algorithm>

#include "synth/sample_loader.h"

namespace graphony {

namespace {
constexpr int kBankSlack = 64;  // per bank: the oscillator bank lays partials out in groups
}

EngineSettings EngineSettingsForScore(const Score& score, const Events& events, EngineSettings base,
                                      EngineUse use) {
  base.assets = score.assets;  // the sampler looks in the bundle first
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
