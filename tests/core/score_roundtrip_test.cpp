// Score files: save -> load -> save gives identical bytes, and every field survives.
#include <doctest/doctest.h>

#include "core/score_defaults.h"
#include "core/score_io.h"
#include "test_files.h"

using namespace graphony;
using namespace graphony::test;

TEST_CASE("bundle round trip keeps every field and gives identical bytes") {
  TempDir dir;
  const Score original = FullScore();
  SaveScore(original, dir / "a.graphony");
  const Score loaded = LoadScore(dir / "a.graphony");
  CHECK(loaded == original);
  // Field groups separately, so a failure says which one broke.
  CHECK(loaded.title == original.title);
  CHECK(loaded.contributors == original.contributors);
  CHECK(loaded.mapping == original.mapping);
  CHECK(loaded.palette == original.palette);
  CHECK(loaded.layers == original.layers);
  CHECK(loaded.sections == original.sections);
  CHECK(loaded.takes == original.takes);
  // Assets (not part of ==) come back byte for byte.
  REQUIRE(loaded.assets.files.size() == original.assets.files.size());
  for (const auto& [name, data] : original.assets.files) {
    REQUIRE(loaded.assets.files.count(name));
    CHECK(*loaded.assets.files.at(name) == *data);
  }
  // Images were decoded with the right size and pixels.
  const auto& pixels = loaded.layers[0].image.pixels;
  REQUIRE(pixels);
  CHECK(pixels->width == 40);
  CHECK(pixels->height == 20);
  CHECK(pixels->At(3, 2) == Color{21, 26, 5, 255});
  CHECK(loaded.layers[1].image.pixels->width == 8);

  SaveScore(loaded, dir / "b.graphony");
  CHECK(ReadBytes(dir / "a.graphony") == ReadBytes(dir / "b.graphony"));
}

TEST_CASE("score.json text round trip") {
  const Score original = FullScore();
  const std::string json = ScoreToJson(original);
  const Score parsed = ScoreFromJson(json, "x");
  CHECK(parsed == original);
  CHECK(ScoreToJson(parsed) == json);
  // Readable forms: notes as names, fractional pitch as a number, colours as hex.
  CHECK(json.find("\"root\": \"A3\"") != std::string::npos);
  CHECK(json.find("\"lowest\": 50.25") != std::string::npos);
  CHECK(json.find("\"highest\": \"A5\"") != std::string::npos);
  CHECK(json.find("\"#cc79a780\"") != std::string::npos);
  CHECK(json.find("\"width\": 0.015") != std::string::npos);  // floats written shortest
  CHECK(json.find("\"format_version\": 2") != std::string::npos);
}

TEST_CASE("a hand-written score.json with images beside it opens") {
  TempDir dir;
  std::filesystem::create_directories(dir / "pics");
  WriteBytes(dir / "pics/sea.png", MakePng(16, 4));
  WriteText(dir / "score.json", R"({
    "format_version": 1,
    "title": "By hand",
    "tempo_bpm": 80,
    "length_beats": 8,
    "mapping": {"scale": "none", "lowest": "55Hz", "highest": "7040Hz", "root": 48},
    "layers": [
      {"kind": "image", "file": "pics/sea.png", "start_beat": 2},
      {"kind": "strokes", "strokes": [
        {"color": "#E69F00", "points": [{"beat": 0, "height": 0.5}, {"beat": 1, "height": 0.25}]}
      ]}
    ]
  })");
  const Score s = LoadScore(dir / "score.json");
  CHECK(s.title == "By hand");
  CHECK(s.mapping.lowest == doctest::Approx(33));
  CHECK(s.mapping.highest == doctest::Approx(117));
  CHECK(s.mapping.root == 48);
  CHECK(s.palette == DefaultPalette());                // palette omitted -> the default
  CHECK(s.layers[0].image.length_beats == 6);          // spans the rest of the score
  CHECK(s.layers[0].image.mode == ImageMode::kNotes);  // from the mapping
  REQUIRE(s.layers[0].image.pixels);
  CHECK(s.layers[0].image.pixels->width == 16);
  CHECK(s.layers[1].strokes.strokes[0].color == Color{0xe6, 0x9f, 0x00, 0xff});
  CHECK(s.layers[1].strokes.strokes[0].points[1].pressure == 1.0f);
  // Saving it as a bundle carries the image along.
  SaveScore(s, dir / "out.graphony");
  const Score again = LoadScore(dir / "out.graphony");
  CHECK(again == s);
  CHECK(*again.assets.files.at("pics/sea.png") == ReadBytes(dir / "pics/sea.png"));
}

TEST_CASE("SaveScore reads images not yet in the assets from the source folder") {
  TempDir dir;
  WriteBytes(dir / "art.png", MakePng(5, 5));
  Score s = NewScore();
  Layer layer;
  layer.kind = Layer::Kind::kImage;
  layer.image.file = "art.png";
  s.layers.push_back(layer);
  CHECK_THROWS_WITH_AS(
      SaveScore(s, dir / "x.graphony"),
      ((dir / "x.graphony").string() + ": art.png: not in the score and no folder to read it from")
          .c_str(),
      ScoreError);
  SaveScore(s, dir / "x.graphony", dir.Path());
  CHECK(LoadScore(dir / "x.graphony").layers[0].image.pixels->height == 5);
}

TEST_CASE("new scores are calm and valid") {
  const Score s = NewScore();
  CHECK_NOTHROW(ValidateScore(s, "new"));
  CHECK(s.tempo_bpm >= 60);
  CHECK(s.tempo_bpm <= 90);
  CHECK(s.mapping.scale == "major-pentatonic");
  CHECK(s.mapping.lowest == 55);
  CHECK(s.mapping.highest == 79);
  REQUIRE(s.palette.size() == 6);
  for (size_t i = 0; i < s.palette.size(); ++i)
    for (size_t j = i + 1; j < s.palette.size(); ++j) {
      CHECK(s.palette[i].color != s.palette[j].color);
      CHECK(s.palette[i].instrument != s.palette[j].instrument);
    }
}
