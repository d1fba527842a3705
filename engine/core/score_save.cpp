// SaveScore: writes a .graphony bundle (score.json + referenced files) atomically.
#include <algorithm>

#include "core/file_io.h"
#include "core/limits.h"
#include "core/score_io.h"
#include "core/zip_bundle.h"

namespace graphony {

void SaveScore(const Score& score, const std::filesystem::path& path,
               const std::filesystem::path& source_dir) {
  const std::string where = path.string();
  ValidateScore(score, where + ": score.json");
  std::map<std::string, std::shared_ptr<const Bytes>> assets = score.assets.files;
  // Files the score names but the bundle does not carry yet come from disk.
  auto need = [&](const std::string& file) {
    if (file.empty() || assets.count(file)) return;
    if (source_dir.empty())
      throw ScoreError(where + ": " + file + ": not in the score and no folder to read it from");
    // Only regular files inside the folder: Save As must not embed what a symlink points to.
    assets[file] = std::make_shared<const Bytes>(
        ReadFileInside(source_dir, file, (source_dir / file).string(), MaxEntryBytes()));
  };
  for (const Layer& layer : score.layers)
    if (layer.kind == Layer::Kind::kImage) need(layer.image.file);
  for (const PaletteEntry& e : score.palette) need(e.sample);
  for (const Take& t : score.takes) need(t.file);
  for (const SampledInstrument& si : score.sampled_instruments) need(si.file);

  std::vector<std::pair<std::string, std::shared_ptr<const Bytes>>> entries;
  const std::string json = ScoreToJson(score);
  entries.emplace_back("score.json", std::make_shared<const Bytes>(json.begin(), json.end()));
  for (const auto& [name, data] : assets) {
    if (name == "score.json" || !IsSafeRelativePath(name) || !data) continue;
    entries.emplace_back(name, data);
  }
  const Bytes zip = WriteZipBundle(entries, where);
  WriteFileAtomically(path, zip.data(), zip.size());
}

}  // namespace graphony
