// LoadScore: opens a .graphony bundle or a plain score.json, validates it, decodes its images.
#include <algorithm>
#include <fstream>

#include "core/file_io.h"
#include "core/limits.h"
#include "core/score_io.h"
#include "core/zip_bundle.h"

namespace graphony {

namespace {

enum class FileKind { kBundle, kJson, kOther };

FileKind Sniff(const std::filesystem::path& path, const std::string& where) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) throw ScoreError(where + ": file not found");
  if (std::filesystem::is_directory(path, ec))
    throw ScoreError(where + ": is a folder, not a score");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ScoreError(where + ": cannot open the file");
  char head[64] = {};
  in.read(head, sizeof head);
  const auto n = static_cast<size_t>(in.gcount());
  if (n == 0) throw ScoreError(where + ": file is empty");
  if (n >= 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 || head[2] == 5))
    return FileKind::kBundle;
  size_t i = 0;
  if (n >= 3 && static_cast<unsigned char>(head[0]) == 0xef) i = 3;  // UTF-8 byte-order mark
  while (i < n && (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' || head[i] == '\t')) ++i;
  if (i < n && head[i] == '{') return FileKind::kJson;
  return FileKind::kOther;
}

// Every file the score names (images, samples, takes), each once.
std::vector<std::string> ReferencedFiles(const Score& score) {
  std::vector<std::string> files;
  auto add = [&](const std::string& f) {
    if (!f.empty() && std::find(files.begin(), files.end(), f) == files.end()) files.push_back(f);
  };
  for (const Layer& layer : score.layers)
    if (layer.kind == Layer::Kind::kImage) add(layer.image.file);
  for (const PaletteEntry& e : score.palette) add(e.sample);
  for (const Take& t : score.takes) add(t.file);
  return files;
}

void DecodeImages(Score& score, const std::string& where) {
  std::map<std::string, std::shared_ptr<const Image>> decoded;
  for (Layer& layer : score.layers) {
    if (layer.kind != Layer::Kind::kImage) continue;
    auto& image = decoded[layer.image.file];
    if (!image)
      image =
          DecodeImage(*score.assets.files.at(layer.image.file), where + ": " + layer.image.file);
    layer.image.pixels = image;
  }
}

}  // namespace

Score LoadScore(const std::filesystem::path& path) {
  const std::string where = path.string();
  Score score;
  switch (Sniff(path, where)) {
    case FileKind::kBundle: {
      BundleEntries entries = ReadZipBundle(path, where);
      auto json = entries.find("score.json");
      if (json == entries.end())
        throw ScoreError(where + ": no score.json inside (is this a Graphony score?)");
      if (json->second->size() > kMaxScoreJsonBytes)
        throw ScoreError(where + ": score.json is larger than " +
                         std::to_string(kMaxScoreJsonBytes >> 20) + " MB");
      const std::string text(json->second->begin(), json->second->end());
      score = ScoreFromJson(text, where + ": score.json");
      entries.erase(json);
      score.assets.files = std::move(entries);
      for (const std::string& file : ReferencedFiles(score))
        if (!score.assets.files.count(file))
          throw ScoreError(where + ": " + file + ": missing from the bundle");
      break;
    }
    case FileKind::kJson: {
      const Bytes bytes = ReadFileBytes(path, where, kMaxScoreJsonBytes);
      score = ScoreFromJson(std::string(bytes.begin(), bytes.end()), where);
      // Files are named relative to score.json; validation already refused ".." and "/".
      const std::filesystem::path dir = path.parent_path();
      for (const std::string& file : ReferencedFiles(score))
        score.assets.files[file] = std::make_shared<const Bytes>(
            ReadFileBytes(dir / file, where + ": " + file, MaxEntryBytes()));
      break;
    }
    case FileKind::kOther:
      throw ScoreError(where +
                       ": not a Graphony score (expected a .graphony bundle or a score.json file)");
  }
  DecodeImages(score, where);
  return score;
}

}  // namespace graphony
