// Audio files: formats read back with libsndfile, stems, atomic replace, cancel, errors.
#include <doctest/doctest.h>
#include <sndfile.h>

#include <filesystem>
#include <fstream>

#include "audio_analysis.h"
#include "support/sound_readback.h"
#include "support/temp_dir.h"
#include "synth_events.h"

using namespace graphony;
using namespace graphony::test;
namespace fs = std::filesystem;

TEST_CASE("WAV, FLAC and OGG files hold the render") {
  TempDir dir("synth-test");
  const Events e = Staircase("flute");
  OfflineOptions o;  // reverb on
  const RenderedAudio ref = RenderToBuffers(e, o);
  for (const char* name : {"out.wav", "out.flac", "out.ogg"}) {
    const fs::path p = dir.Path() / name;
    FileOptions f;
    f.format = AudioFormatFromPath(p);
    RenderToFile(e, p, o, f);
    const ReadBackSound got = ReadBack(p);
    const std::vector<float> got_left = got.Channel(0);
    INFO(name);
    CHECK(got.channels == 2);
    CHECK(got.sample_rate == 48000);
    CHECK(got.frames == static_cast<sf_count_t>(ref.left.size()));
    const int major = got.format & SF_FORMAT_TYPEMASK;
    const int sub = got.format & SF_FORMAT_SUBMASK;
    if (std::string(name) == "out.wav") CHECK((major == SF_FORMAT_WAV && sub == SF_FORMAT_PCM_24));
    if (std::string(name) == "out.flac")
      CHECK((major == SF_FORMAT_FLAC && sub == SF_FORMAT_PCM_24));
    if (std::string(name) == "out.ogg") CHECK((major == SF_FORMAT_OGG && sub == SF_FORMAT_VORBIS));
    // Same music: lossless within 24-bit steps, Vorbis within a loose RMS bound.
    double err = 0;
    for (size_t i = 0; i < ref.left.size(); ++i)
      err = std::max(err, static_cast<double>(std::fabs(ref.left[i] - got_left[i])));
    if (std::string(name) != "out.ogg") CHECK(err < 2e-6);
    CHECK(Rms(got_left) == doctest::Approx(Rms(ref.left)).epsilon(0.05));
  }
}

TEST_CASE("stems: one file per instrument with events") {
  TempDir dir("synth-test");
  Events e = Staircase("sine");
  e.instruments.push_back({"bell", "Bells & Chimes", "", 0, 0, 0});
  e.instruments.push_back({"drum", "Unused drum", "", 0, 0, 0});
  for (size_t i = 0; i < e.notes.size(); i += 2) e.notes[i].instrument = 1;
  const auto paths = RenderStems(e, dir.Path() / "stems", Dry(), FileOptions{});
  REQUIRE(paths.size() == 2);
  CHECK(paths[0].filename() == "1-sine.wav");
  CHECK(paths[1].filename() == "2-Bells---Chimes.wav");
  const std::vector<float> sine = ReadBack(paths[0]).Channel(0);
  const std::vector<float> bell = ReadBack(paths[1]).Channel(0);
  // The sine stem is silent where the bell plays (first note: beat 0) and sounds at beat 1.
  CHECK(Rms(sine, 4800, 40000) < 1e-4);
  CHECK(Rms(sine, 52800, 88000) > 0.01);
  CHECK(Rms(bell, 4800, 40000) > 0.01);
}

TEST_CASE("an existing output is replaced whole, or left alone on failure") {
  TempDir dir("synth-test");
  const fs::path out = dir.Path() / "song.wav";
  { std::ofstream(out) << "previous take"; }
  std::atomic<bool> cancel{false};
  int calls = 0;
  CHECK_THROWS_AS(RenderToFile(
                      Staircase("sine"), out, OfflineOptions{}, FileOptions{},
                      [&](double f) {
                        if (++calls == 3) cancel = true;
                        CHECK(f <= 1.0);
                      },
                      &cancel),
                  RenderCancelled);
  std::ifstream in(out);
  std::string text;
  std::getline(in, text);
  CHECK(text == "previous take");
  CHECK(std::distance(fs::directory_iterator(dir.Path()), fs::directory_iterator{}) ==
        1);  // no temp left
  double last = 0;
  RenderToFile(Staircase("sine"), out, OfflineOptions{}, FileOptions{},
               [&](double f) { last = f; });
  CHECK(last == 1.0);
  CHECK(ReadBack(out).frames > 48000);
}

TEST_CASE("clear errors: unknown format, unwritable place, float FLAC") {
  TempDir dir("synth-test");
  CHECK_THROWS_WITH_AS(AudioFormatFromPath("x.mp4"),
                       doctest::Contains("unknown audio format '.mp4'"), RenderError);
  CHECK_THROWS_WITH_AS(
      RenderToFile(Staircase("sine"), "/nonexistent-dir/x.wav", Dry(), FileOptions{}),
      doctest::Contains("/nonexistent-dir/x.wav: cannot write here"), RenderError);
  CHECK_THROWS_AS(RenderToFile(Staircase("sine"), dir.Path(), Dry(), FileOptions{}), RenderError);
  FileOptions flac;
  flac.format = AudioFormat::kFlac;
  flac.sample_format = SampleFormat::kFloat;
  CHECK_THROWS_WITH_AS(RenderToFile(Staircase("sine"), dir.Path() / "x.flac", Dry(), flac),
                       doctest::Contains("FLAC cannot store float"), RenderError);
  CHECK(!fs::exists(dir.Path() / "x.flac"));
}
