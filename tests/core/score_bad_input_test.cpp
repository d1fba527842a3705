// A corpus of bad score files: each gets its own clear one-line error, never a crash.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <chrono>
#include <random>

#include "core/score_defaults.h"
#include "core/score_io.h"
#include "core/score_io_testing.h"
#include "test_files.h"

using namespace graphony;
using namespace graphony::test;

namespace {

// A valid bundle's score.json with one edit applied, as a bundle at `path`.
void BundleWithJson(const std::filesystem::path& path, const std::string& json,
                    std::vector<std::pair<std::string, Bytes>> more = {}) {
  more.insert(more.begin(), {"score.json", Bytes(json.begin(), json.end())});
  WriteZip(path, more);
}

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

// A minimal valid score.json with one stroke layer (so type errors can be placed deep).
const std::string kSmall = R"({"format_version": 1, "tempo_bpm": 72, "length_beats": 16,
  "contributors": [{"id": "c1", "name": "Ana"}],
  "layers": [{"kind": "strokes", "strokes": []},
             {"kind": "strokes", "strokes": [{"color": "#112233", "contributor": "c1",
               "points": [{"beat": 1, "height": 0.5}]}]}]})";

uint32_t Crc32(const uint8_t* data, size_t size) {
  uint32_t crc = 0xffffffffu;
  for (size_t i = 0; i < size; ++i) {
    crc ^= data[i];
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

// Only a PNG signature and an IHDR claiming width x height: no pixel data at all.
Bytes PngHeaderClaiming(uint32_t width, uint32_t height) {
  Bytes png = {0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13};
  Bytes chunk = {'I', 'H', 'D', 'R'};
  for (uint32_t v : {width, height})
    for (int shift = 24; shift >= 0; shift -= 8) chunk.push_back(static_cast<uint8_t>(v >> shift));
  chunk.insert(chunk.end(), {8, 6, 0, 0, 0});
  const uint32_t crc = Crc32(chunk.data(), chunk.size());
  png.insert(png.end(), chunk.begin(), chunk.end());
  for (int shift = 24; shift >= 0; shift -= 8) png.push_back(static_cast<uint8_t>(crc >> shift));
  return png;
}

std::string ImageLayerJson(const std::string& file) {
  return R"({"format_version": 1, "layers": [{"kind": "image", "file": ")" + file + R"("}]})";
}

}  // namespace

TEST_CASE("unreadable files") {
  TempDir dir;
  const std::string p = (dir / "x.graphony").string();
  CHECK(LoadError(p) == p + ": file not found");

  WriteText(p, "");
  CHECK(LoadError(p) == p + ": file is empty");

  std::mt19937 rng(7);
  Bytes noise(4096);
  for (auto& b : noise) b = static_cast<uint8_t>(rng());
  noise[0] = 0x13;  // not 'P' or '{'
  WriteBytes(p, noise);
  CHECK(LoadError(p) ==
        p + ": not a Graphony score (expected a .graphony bundle or a score.json file)");

  // Random bytes behind a zip signature.
  noise[0] = 'P', noise[1] = 'K', noise[2] = 3, noise[3] = 4;
  WriteBytes(p, noise);
  CHECK(LoadError(p) == p + ": the bundle is damaged or incomplete (no zip directory found)");

  CHECK(LoadError(dir.Path()) == dir.Path().string() + ": is a folder, not a score");
}

TEST_CASE("truncated bundles") {
  TempDir dir;
  SaveScore(FullScore(), dir / "good.graphony");
  const Bytes good = ReadBytes(dir / "good.graphony");
  const std::string p = (dir / "cut.graphony").string();
  for (double keep : {0.2, 0.6, 0.95}) {
    CAPTURE(keep);
    WriteBytes(p, Bytes(good.begin(), good.begin() + static_cast<long>(good.size() * keep)));
    CHECK(LoadError(p) == p + ": the bundle is damaged or incomplete (no zip directory found)");
  }
  // Cut exactly one byte from the end: the directory record is incomplete.
  WriteBytes(p, Bytes(good.begin(), good.end() - 1));
  CHECK(LoadError(p).rfind(p + ": the bundle is damaged", 0) == 0);
}

TEST_CASE("bundle contents") {
  TempDir dir;
  const std::string p = (dir / "x.graphony").string();

  WriteZip(p, {{"images/a.png", MakePng(2, 2)}});
  CHECK(LoadError(p) == p + ": no score.json inside (is this a Graphony score?)");

  BundleWithJson(p, "{\"format_version\": 1, \"title\": ");
  CHECK(LoadError(p).rfind(p + ": score.json: not valid JSON (parse error at line 1, column 32: "
                               "syntax error while parsing value - unexpected end of input",
                           0) == 0);

  BundleWithJson(p, "[1, 2]");
  CHECK(LoadError(p) == p + ": score.json: expected an object {...}, got a list");

  BundleWithJson(p, R"({"title": "no version"})");
  CHECK(LoadError(p) == p + ": score.json: format_version: missing (this field is required)");

  BundleWithJson(p, R"({"format_version": 7})");
  CHECK(LoadError(p) == p + ": score.json: was saved by a newer Graphony (format_version 7; this "
                            "version reads up to 2)");

  BundleWithJson(p, kSmall);
  CHECK(LoadError(p) == "");
}

TEST_CASE("wrong types name the field") {
  TempDir dir;
  const std::string p = (dir / "x.graphony").string();
  struct Case {
    std::string from, to, message;
  };
  const Case cases[] = {
      {R"("height": 0.5)", R"("height": "high")",
       "layers[1].strokes[0].points[0].height: expected a number, got text"},
      {R"("tempo_bpm": 72)", R"("tempo_bpm": "fast")", "tempo_bpm: expected a number, got text"},
      {R"("color": "#112233")", R"("color": "blue")",
       "layers[1].strokes[0].color: expected a colour like \"#e69f00\" (got \"blue\")"},
      {R"("kind": "strokes", "strokes": [])", R"("kind": "video")",
       "layers[0].kind: expected \"image\" or \"strokes\" (got \"video\")"},
      {R"("strokes": [])", R"("strokes": {})",
       "layers[0].strokes: expected a list [...], got an object"},
      {R"("name": "Ana")", R"("name": 3)",
       "contributors[0].name: expected text in quotes, got a number"},
      {R"("tempo_bpm": 72)", R"("tempo": 72)", "tempo: unknown field (see docs/score-format.md)"},
      {R"("length_beats": 16)", R"("length_beats": 16, "meter": "four")",
       "meter: expected a time signature like \"4/4\" (got \"four\")"},
      {R"("length_beats": 16)", R"("length_beats": 16, "mapping": {"root": "H2"})",
       "mapping.root: expected a note name like \"C4\" or a MIDI number (got \"H2\")"},
      {R"("length_beats": 16)", R"("length_beats": 16, "mapping": {"max_polyphony": 2.5})",
       "mapping.max_polyphony: expected a whole number (got 2.5)"},
      {R"("length_beats": 16)", R"("length_beats": 16, "mapping": {"image_mode": "both"})",
       "mapping.image_mode: expected \"scan\" or \"notes\" (got \"both\")"},
      {R"({"beat": 1, "height": 0.5})", R"({"beat": 1})",
       "layers[1].strokes[0].points[0].height: missing (this field is required)"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.message);
    BundleWithJson(p, Replace(kSmall, c.from, c.to));
    CHECK(LoadError(p) == p + ": score.json: " + c.message);
  }
}

TEST_CASE("out-of-range values") {
  TempDir dir;
  const std::string p = (dir / "x.graphony").string();
  struct Case {
    std::string from, to, message;
  };
  const std::string lb = R"("length_beats": 16)";
  const Case cases[] = {
      {R"("tempo_bpm": 72)", R"("tempo_bpm": 900)",
       "tempo must be between 20 and 400 bpm (got 900)"},
      {lb, R"("length_beats": 0)", "length_beats must be more than 0 and at most 100000 (got 0)"},
      {lb, lb + R"(, "meter": "5/3")",
       "meter must look like 4/4: 1 to 32 beats over 1, 2, 4, 8, 16 or 32 (got 5/3)"},
      {R"("height": 0.5)", R"("height": 1.5)",
       "layers[1].strokes[0].points[0].height must be between 0 and 1 (got 1.5)"},
      {R"("contributor": "c1")", R"("contributor": "c9")",
       "layers[1].strokes[0].contributor: no contributor has id \"c9\""},
      {lb, lb + R"(, "palette": [])", "palette must have at least one colour"},
      {lb, lb + R"(, "palette": [{"color": "#ffffff", "instrument": "kazoo"}])",
       "palette[0].instrument: unknown instrument \"kazoo\" (known: sine, soft-pad, pluck, "
       "marimba, flute, bell, bass, drum, sampler, cello, violin, clarinet, concert-flute, "
       "concert-harp, double-bass, concert-marimba, glockenspiel, piano, drum-kit, "
       "orchestral-percussion, and 128 General MIDI programs gm-..., listed by graphony-cli "
       "instruments)"},
      {lb, lb + R"(, "mapping": {"lowest": "G5", "highest": "G3"})",
       "mapping.lowest must be below mapping.highest (got 79 and 55)"},
      {lb, lb + R"(, "mapping": {"highest": 140})",
       "mapping.highest must be between 0 and 127 (MIDI) (got 140)"},
      {lb, lb + R"(, "mapping": {"scale": "klingon"})",
       "mapping.scale: unknown scale \"klingon\" (known: major-pentatonic, minor-pentatonic, "
       "major, natural-minor, dorian, mixolydian, blues, whole-tone, chromatic, none, custom)"},
      {lb, lb + R"(, "mapping": {"scale": "custom", "custom_intervals": [5, 5, 5]})",
       "mapping.custom_intervals must add up to at most 12 semitones (an octave; got 15)"},
      {lb, lb + R"(, "mapping": {"scale": "custom", "custom_intervals": [0, 2]})",
       "mapping.custom_intervals[0] must be between 1 and 12 semitones (got 0)"},
      {R"("id": "c1", "name": "Ana")", R"("id": "", "name": "Ana")",
       "contributors[0].id must not be empty"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.message);
    BundleWithJson(p, Replace(kSmall, c.from, c.to));
    CHECK(LoadError(p) == p + ": score.json: " + c.message);
  }
}

TEST_CASE("missing and corrupt images") {
  TempDir dir;
  const std::string p = (dir / "x.graphony").string();

  BundleWithJson(p, ImageLayerJson("images/nope.png"));
  CHECK(LoadError(p) == p + ": images/nope.png: missing from the bundle");

  const std::string j = (dir / "score.json").string();
  WriteText(j, ImageLayerJson("images/nope.png"));
  CHECK(LoadError(j) == j + ": images/nope.png: file not found");

  BundleWithJson(p, ImageLayerJson("images/a.png"),
                 {{"images/a.png", Bytes{'n', 'o', 'p', 'e', 1, 2, 3, 4}}});
  CHECK(LoadError(p) == p + ": images/a.png: not a PNG or JPEG picture; convert it to PNG or JPEG");

  Bytes half = MakePng(64, 64);
  half.resize(half.size() / 2);
  BundleWithJson(p, ImageLayerJson("images/a.png"), {{"images/a.png", half}});
  CHECK(LoadError(p) == p + ": images/a.png: the picture is damaged (PNG data ends early)");

  BundleWithJson(p, ImageLayerJson("images/big.png"),
                 {{"images/big.png", PngHeaderClaiming(40000, 10)}});
  CHECK(LoadError(p) ==
        p + ": images/big.png: image is 40000x10 pixels; each side must be at most 32768");

  BundleWithJson(p, ImageLayerJson("images/big.png"),
                 {{"images/big.png", PngHeaderClaiming(15000, 15000)}});
  CHECK(
      LoadError(p) ==
      p + ": images/big.png: image is 15000x15000 pixels; at most 100 million pixels are allowed");

  // So large that stb_image itself refuses the header: the size is still what we report.
  BundleWithJson(p, ImageLayerJson("images/big.png"),
                 {{"images/big.png", PngHeaderClaiming(30000, 30000)}});
  CHECK(
      LoadError(p) ==
      p + ": images/big.png: image is 30000x30000 pixels; at most 100 million pixels are allowed");

  BundleWithJson(p, ImageLayerJson("../outside.png"), {{"images/a.png", MakePng(2, 2)}});
  CHECK(LoadError(p) ==
        p + ": score.json: layers[0].file must be a relative path inside the score's folder, "
            "without \"..\" (got \"../outside.png\")");
}

TEST_CASE("unsafe entry names refuse the whole bundle") {
  TempDir dir;
  const std::string p = (dir / "x.graphony").string();
  const std::string json = kSmall;
  for (const std::string bad :
       {"../evil.txt", "images/../../evil.txt", "/etc/evil", "C:/evil", "images\\..\\evil"}) {
    CAPTURE(bad);
    BundleWithJson(p, json, {{bad, Bytes{1, 2, 3}}});
    CHECK(LoadError(p) ==
          p + ": refused: the bundle contains an unsafe file name \"" +
              (bad == "images\\..\\evil" ? std::string("images\\\\..\\\\evil") : bad) +
              "\" (absolute or with \"..\")");
  }
}

TEST_CASE("zip bombs are stopped by the bytes actually read") {
  TempDir dir;
  const std::string p = (dir / "x.graphony").string();
  testing::SetMaxEntryBytesForTesting(1 << 20);
  // 3 MB of zeros deflates to a few KB: a small bomb against a 1 MB bound.
  BundleWithJson(p, kSmall, {{"recordings/bomb.wav", Bytes(3 << 20, 0)}});
  CHECK(LoadError(p) == p + ": recordings/bomb.wav: larger than the 1 MB allowed per file");

  // Lie in the headers: claim 1000 bytes. Only the counted bytes decide.
  Bytes zip = ReadBytes(p);
  size_t patched = 0;
  for (size_t i = 0; i + 46 < zip.size(); ++i) {
    const bool local = zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 3 && zip[i + 3] == 4;
    const bool central = zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 1 && zip[i + 3] == 2;
    if (!local && !central) continue;
    const size_t name_len = zip[i + (local ? 26 : 28)] | (zip[i + (local ? 27 : 29)] << 8);
    const std::string name(zip.begin() + static_cast<long>(i + (local ? 30 : 46)),
                           zip.begin() + static_cast<long>(i + (local ? 30 : 46) + name_len));
    if (name != "recordings/bomb.wav") continue;
    const size_t size_at = i + (local ? 22 : 24);
    zip[size_at] = 0xe8, zip[size_at + 1] = 0x03, zip[size_at + 2] = 0, zip[size_at + 3] = 0;
    ++patched;
  }
  REQUIRE(patched == 2);
  WriteBytes(p, zip);
  const std::string error = LoadError(p);
  CHECK(error.rfind(p + ": recordings/bomb.wav: ", 0) == 0);
  // A score.json bomb is bounded too.
  std::string big_json = kSmall;
  big_json.insert(big_json.size() - 1, ", \"title\": \"" + std::string(2 << 20, 'a') + "\"");
  BundleWithJson(p, big_json);
  CHECK(LoadError(p) == p + ": score.json: larger than the 1 MB allowed per file");
  testing::SetMaxEntryBytesForTesting(0);
  CHECK(LoadError(p) == "");
}

TEST_CASE("deeply nested JSON is an error, not a crash") {
  TempDir dir;
  const std::string p = (dir / "x.graphony").string();
  BundleWithJson(p, R"({"format_version": 1, "title": )" + std::string(200000, '[') +
                        std::string(200000, ']') + "}");
  CHECK(LoadError(p) == p + ": score.json: title: expected text in quotes, got a list");
}

TEST_CASE("a failed save leaves the previous file intact") {
  TempDir dir;
  const auto path = dir / "keep.graphony";
  SaveScore(FullScore(), path);
  const Bytes before = ReadBytes(path);
  Score changed = FullScore();
  changed.title = "Changed";
  for (int64_t fail_at : {int64_t{0}, int64_t{100}, static_cast<int64_t>(before.size() / 2)}) {
    CAPTURE(fail_at);
    testing::SetWriteFaultAfterBytesForTesting(fail_at);
    CHECK_THROWS_WITH_AS(
        SaveScore(changed, path),
        (path.string() + ": cannot write (No space left on device); any previous file is unchanged")
            .c_str(),
        ScoreError);
    testing::SetWriteFaultAfterBytesForTesting(-1);
    CHECK(ReadBytes(path) == before);
    CHECK(LoadScore(path).title == FullScore().title);
    // No temp file is left behind.
    size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir.Path()))
      files += entry.is_regular_file();
    CHECK(files == 1);
  }
  // Writing into a folder that does not exist fails clearly and creates nothing.
  CHECK_THROWS_WITH_AS(
      SaveScore(changed, dir / "no/such/x.graphony"),
      ((dir / "no/such/x.graphony").string() + ": cannot write (No such file or directory)")
          .c_str(),
      ScoreError);
  SaveScore(changed, path);
  CHECK(LoadScore(path).title == "Changed");
}

TEST_CASE("temp files left by killed saves are tidied, ones still being written are not") {
  TempDir dir;
  // A writer holds an flock on its temp file while it writes (core/temp_files.h); a killed
  // writer's lock is gone, so its file goes at once, however new.
  const auto stale = dir / ".x.graphony.tmp-AbC123";
  const auto fresh = dir / ".x.graphony.tmp-XyZ789";
  const auto other = dir / ".y.graphony.tmp-AbC123";
  for (const auto& p : {stale, fresh, other}) WriteText(p, "half a zip");
  const int live = ::open(fresh.c_str(), O_RDONLY);
  REQUIRE(live >= 0);
  REQUIRE(::flock(live, LOCK_EX) == 0);  // a save still running
  SaveScore(NewScore(), dir / "x.graphony");
  ::close(live);
  CHECK_FALSE(std::filesystem::exists(stale));
  CHECK(std::filesystem::exists(fresh));  // belongs to a save still running
  CHECK(std::filesystem::exists(other));  // another score's
}

TEST_CASE("invalid scores are not saved") {
  TempDir dir;
  Score s = NewScore();
  s.tempo_bpm = 1000;
  CHECK_THROWS_WITH_AS(SaveScore(s, dir / "x.graphony"),
                       ((dir / "x.graphony").string() +
                        ": score.json: tempo must be between 20 and 400 bpm (got 1000)")
                           .c_str(),
                       ScoreError);
  CHECK_FALSE(std::filesystem::exists(dir / "x.graphony"));
}

TEST_CASE("damaged bytes anywhere give a ScoreError or a valid score, never a crash") {
  TempDir dir;
  Score small = NewScore();
  Layer image;
  image.kind = Layer::Kind::kImage;
  image.image.file = "images/a.png";
  small.layers.push_back(image);
  small.assets.files["images/a.png"] = std::make_shared<const Bytes>(MakePng(12, 6));
  small.layers.push_back(FullScore().layers[2]);
  small.contributors = FullScore().contributors;
  SaveScore(small, dir / "good.graphony");
  const Bytes good = ReadBytes(dir / "good.graphony");
  const std::string json = ScoreToJson(small);
  std::mt19937 rng(42);
  int loaded = 0, refused = 0;
  for (int round = 0; round < 300; ++round) {
    Bytes bad = good;
    const int flips = 1 + static_cast<int>(rng() % 8);
    for (int i = 0; i < flips; ++i) bad[rng() % bad.size()] = static_cast<uint8_t>(rng());
    WriteBytes(dir / "bad.graphony", bad);
    try {
      LoadScore(dir / "bad.graphony");
      ++loaded;
    } catch (const ScoreError& e) {
      CHECK(std::string(e.what()).find('\n') == std::string::npos);
      ++refused;
    }
    // And the JSON text on its own: cut, or a byte changed.
    std::string text = json;
    if (round % 2)
      text.resize(rng() % text.size());
    else
      text[rng() % text.size()] = static_cast<char>(rng());
    try {
      ScoreFromJson(text, "t");
    } catch (const ScoreError&) {
    }
  }
  CHECK(refused > 0);
  CHECK(loaded + refused == 300);
}
