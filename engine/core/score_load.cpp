// LoadScore: opens a .graphony bundle or a plain score.json, validates it, decodes its images.
#include <unistd.h>

#include <algorithm>
#include <new>

#include "core/file_io.h"
#include "core/i18n.h"
#include "core/i18n_fill.h"
#include "core/image_decode.h"
#include "core/limits.h"
#include "core/score_io.h"
#include "core/zip_bundle.h"

namespace graphony {

namespace {

enum class FileKind { kBundle, kJson, kOther };

FileKind Sniff(const std::filesystem::path& path, const std::string& where) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) throw ScoreError(where + ": " + _("file not found"));
  if (std::filesystem::is_directory(path, ec))
    throw ScoreError(where + ": " + _("is a folder, not a score"));
  // Regular files only: a FIFO would block, a device never end.
  const int fd = OpenRegularFile(path, where);
  char head[64] = {};
  const ssize_t got = ::read(fd, head, sizeof head);
  ::close(fd);
  if (got < 0) throw ScoreError(where + ": " + _("cannot read the file"));
  const auto n = static_cast<size_t>(got);
  if (n == 0) throw ScoreError(where + ": " + _("file is empty"));
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
  for (const SampledInstrument& si : score.sampled_instruments) add(si.file);
  return files;
}

// All pictures under one budget; a file used by several layers is decoded once.
void DecodeImages(Score& score, const std::string& where) {
  std::vector<std::string> files;
  for (const Layer& layer : score.layers)
    if (layer.kind == Layer::Kind::kImage &&
        std::find(files.begin(), files.end(), layer.image.file) == files.end())
      files.push_back(layer.image.file);
  std::vector<const Bytes*> bytes;
  std::vector<std::string> wheres;
  for (const std::string& file : files) {
    bytes.push_back(score.assets.files.at(file).get());
    wheres.push_back(where + ": " + file);
  }
  const auto images = DecodePictures(bytes, wheres, ImageMemoryBudget(), where);
  for (Layer& layer : score.layers) {
    if (layer.kind != Layer::Kind::kImage) continue;
    const auto at = std::find(files.begin(), files.end(), layer.image.file) - files.begin();
    layer.image.pixels = images[static_cast<size_t>(at)];
  }
}

Score LoadScoreUnguarded(const std::filesystem::path& path, const std::string& where) {
  Score score;
  switch (Sniff(path, where)) {
    case FileKind::kBundle: {
      BundleEntries entries = ReadZipBundle(path, where);
      auto json = entries.find("score.json");
      if (json == entries.end())
        throw ScoreError(where + ": " + _("no score.json inside (is this a Graphony score?)"));
      if (json->second->size() > kMaxScoreJsonBytes)
        throw ScoreError(where + ": " +
                         i18n::Fill(_("score.json is larger than {megabytes} MB"),
                                    {{"megabytes", std::to_string(kMaxScoreJsonBytes >> 20)}}));
      const std::string text(json->second->begin(), json->second->end());
      score = ScoreFromJson(text, where + ": score.json");  // NOT-UI: the entry's name
      entries.erase(json);
      score.assets.files = std::move(entries);
      for (const std::string& file : ReferencedFiles(score))
        if (!score.assets.files.count(file))
          throw ScoreError(where + ": " + file + ": " + _("missing from the bundle"));
      break;
    }
    case FileKind::kJson: {
      const Bytes bytes = ReadFileBytes(path, where, kMaxScoreJsonBytes);
      score = ScoreFromJson(std::string(bytes.begin(), bytes.end()), where);
      // Files are named relative to score.json and must be regular files inside its folder.
      const std::filesystem::path dir = path.parent_path();
      for (const std::string& file : ReferencedFiles(score))
        score.assets.files[file] = std::make_shared<const Bytes>(
            ReadFileInside(dir, file, where + ": " + file, MaxEntryBytes()));
      break;
    }
    case FileKind::kOther:
      throw ScoreError(
          where + ": " +
          _("not a Graphony score (expected a .graphony bundle or a score.json file)"));
  }
  DecodeImages(score, where);
  std::error_code ec;
  const std::filesystem::path absolute = std::filesystem::absolute(path, ec);
  score.folder.path = (ec ? path : absolute).parent_path().string();
  return score;
}

}  // namespace

// Whatever a library underneath throws (allocation, a JSON number out of range, libzip), the
// caller sees one ScoreError naming the file.
Score LoadScore(const std::filesystem::path& path) {
  const std::string where = path.string();
  try {
    return LoadScoreUnguarded(path, where);
  } catch (const ScoreError&) {
    throw;
  } catch (const std::bad_alloc&) {
    throw ScoreError(where + ": " + _("not enough memory to open this score"));
  } catch (const std::exception& e) {
    throw ScoreError(where + ": " +
                     i18n::Fill(_("cannot be read ({reason})"), {{"reason", e.what()}}));
  }
}

}  // namespace graphony
