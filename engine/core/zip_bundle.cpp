// The zip layer of .graphony bundles (libzip): bounded reading, deterministic in-memory writing.
#include "core/zip_bundle.h"

#include <unistd.h>
#include <zip.h>

#include <algorithm>
#include <cctype>

#include "core/file_io.h"
#include "core/i18n.h"
#include "core/i18n_fill.h"
#include "core/limits.h"
#include "core/score_io.h"
#include "core/score_text.h"

namespace graphony {

namespace {

// Zip entries carry a DOS timestamp; a fixed one keeps saves byte-for-byte reproducible.
constexpr time_t kEntryTime = 1577880000;  // 2020-01-01 12:00 UTC

std::string ZipOpenErrorText(int code) {
  switch (code) {
    case ZIP_ER_NOZIP:
      return _("the bundle is damaged or incomplete (no zip directory found)");
    case ZIP_ER_INCONS:
      return _("the bundle is damaged (its zip directory is inconsistent)");
    case ZIP_ER_OPEN:
    case ZIP_ER_READ:
      return _("cannot read the file");
    default: {
      zip_error_t error;
      zip_error_init_with_code(&error, code);
      std::string text = zip_error_strerror(&error);
      zip_error_fini(&error);
      return i18n::Fill(_("not a valid .graphony bundle ({reason})"), {{"reason", text}});
    }
  }
}

bool IsAlreadyCompressed(const std::string& name) {
  std::string ext = std::filesystem::path(name).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".ogg" || ext == ".opus" ||
         ext == ".flac" || ext == ".mp3";
}

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct ZipFileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

// An entry name as it may appear in a one-line error: a damaged archive can hold control
// characters (a newline) in its names.
std::string PrintableName(std::string name) {
  for (char& c : name)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
  return name;
}

std::shared_ptr<const Bytes> ReadEntry(zip_t* za, zip_uint64_t index, const std::string& name,
                                       const std::string& where, uint64_t limit) {
  const std::string entry_where = where + ": " + PrintableName(name);
  const std::string too_big = entry_where + ": " +
                              i18n::Fill(_("larger than the {megabytes} MB allowed per file"),
                                         {{"megabytes", std::to_string(limit >> 20)}});
  zip_stat_t st;
  zip_stat_init(&st);
  // The declared size only lets us refuse early; the count below is what we trust.
  if (zip_stat_index(za, index, 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) && st.size > limit)
    throw ScoreError(too_big);
  std::unique_ptr<zip_file_t, ZipFileCloser> file(zip_fopen_index(za, index, 0));
  if (!file)
    throw ScoreError(entry_where + ": " +
                     i18n::Fill(_("cannot read ({reason})"), {{"reason", zip_strerror(za)}}));
  auto data = std::make_shared<Bytes>();
  if (st.valid & ZIP_STAT_SIZE)
    data->reserve(static_cast<size_t>(std::min<uint64_t>(st.size, limit)));
  uint8_t buffer[1 << 16];
  for (;;) {
    const zip_int64_t n = zip_fread(file.get(), buffer, sizeof buffer);
    if (n < 0)
      throw ScoreError(
          entry_where + ": " +
          i18n::Fill(_("damaged ({reason})"), {{"reason", zip_file_strerror(file.get())}}));
    if (n == 0) break;
    if (data->size() + static_cast<uint64_t>(n) > limit) throw ScoreError(too_big);
    data->insert(data->end(), buffer, buffer + n);
  }
  return data;
}

}  // namespace

BundleEntries ReadZipBundle(const std::filesystem::path& path, const std::string& where) {
  int error_code = 0;
  // No ZIP_CHECKCONS: it rejects valid streamed zips (`zip -r - ...`, data descriptors).
  // Damage is still caught: a missing directory fails here, bad data fails its CRC on read.
  // Opened as a checked regular file (no FIFO, no device); libzip owns the fd on success.
  const int fd = OpenRegularFile(path, where);
  std::unique_ptr<zip_t, ZipCloser> za(zip_fdopen(fd, ZIP_RDONLY, &error_code));
  if (!za) {
    ::close(fd);
    throw ScoreError(where + ": " + ZipOpenErrorText(error_code));
  }
  const zip_int64_t count = zip_get_num_entries(za.get(), 0);
  if (count < 0) throw ScoreError(where + ": " + ZipOpenErrorText(ZIP_ER_INCONS));
  if (static_cast<uint64_t>(count) > kMaxBundleEntries)
    throw ScoreError(
        where + ": " +
        i18n::Fill(_("has {count} files inside; at most {max} are allowed"),
                   {{"count", std::to_string(count)}, {"max", std::to_string(kMaxBundleEntries)}}));
  // Check every name before reading anything: one unsafe entry refuses the whole bundle.
  std::vector<std::string> names(static_cast<size_t>(count));
  for (zip_int64_t i = 0; i < count; ++i) {
    const char* raw = zip_get_name(za.get(), static_cast<zip_uint64_t>(i), ZIP_FL_ENC_RAW);
    if (!raw) throw ScoreError(where + ": " + ZipOpenErrorText(ZIP_ER_INCONS));
    std::string name = raw;
    if (!IsSafeRelativePath(name))
      throw ScoreError(where + ": " +
                       i18n::Fill(_("refused: the bundle contains an unsafe file name {name} "
                                    "(absolute or with \"..\")"),
                                  {{"name", QuoteText(name)}}));
    names[static_cast<size_t>(i)] = std::move(name);
  }
  const uint64_t limit = MaxEntryBytes();
  const uint64_t total_limit = limit * 4;
  uint64_t total = 0;
  BundleEntries entries;
  for (zip_int64_t i = 0; i < count; ++i) {
    const std::string& name = names[static_cast<size_t>(i)];
    if (name.back() == '/') continue;  // folder entries carry no data
    if (entries.count(name))
      throw ScoreError(where + ": " + PrintableName(name) + ": " +
                       _("appears twice in the bundle"));
    auto data = ReadEntry(za.get(), static_cast<zip_uint64_t>(i), name, where, limit);
    total += data->size();
    if (total > total_limit)
      throw ScoreError(where + ": " +
                       i18n::Fill(_("its contents are larger than the {megabytes} MB allowed in "
                                    "total"),
                                  {{"megabytes", std::to_string(total_limit >> 20)}}));
    entries.emplace(name, std::move(data));
  }
  return entries;
}

Bytes WriteZipBundle(
    const std::vector<std::pair<std::string, std::shared_ptr<const Bytes>>>& entries,
    const std::string& where) {
  auto fail = [&](const std::string& what, zip_error_t* error) -> void {
    std::string text = error ? zip_error_strerror(error) : "unknown error";
    throw ScoreError(where + ": cannot build the bundle (" + what + ": " + text + ")");
  };
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (!buffer) fail("buffer", &error);
  zip_t* za = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (!za) {
    zip_source_free(buffer);
    fail("open", &error);
  }
  zip_source_keep(buffer);  // we read the bytes back after zip_close
  for (const auto& [name, data] : entries) {
    zip_source_t* src = zip_source_buffer(za, data->data(), data->size(), 0);
    zip_int64_t index = src ? zip_file_add(za, name.c_str(), src, ZIP_FL_ENC_UTF_8) : -1;
    if (index < 0) {
      if (src) zip_source_free(src);
      std::string text = zip_strerror(za);
      zip_discard(za);
      zip_source_free(buffer);
      throw ScoreError(where + ": cannot add " + name + " to the bundle (" + text + ")");
    }
    const auto idx = static_cast<zip_uint64_t>(index);
    zip_set_file_compression(za, idx, IsAlreadyCompressed(name) ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 6);
    zip_file_set_mtime(za, idx, kEntryTime, 0);
  }
  if (zip_close(za) != 0) {
    std::string text = zip_strerror(za);
    zip_discard(za);
    zip_source_free(buffer);
    throw ScoreError(where + ": cannot build the bundle (" + text + ")");
  }
  Bytes out;
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_source_stat(buffer, &st) != 0 || zip_source_open(buffer) != 0) {
    zip_source_free(buffer);
    throw ScoreError(where + ": cannot build the bundle (reading it back failed)");
  }
  out.resize(static_cast<size_t>(st.size));
  const zip_int64_t n = zip_source_read(buffer, out.data(), out.size());
  zip_source_close(buffer);
  zip_source_free(buffer);
  if (n < 0 || static_cast<size_t>(n) != out.size())
    throw ScoreError(where + ": cannot build the bundle (reading it back failed)");
  return out;
}

}  // namespace graphony
