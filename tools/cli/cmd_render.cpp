// graphony-cli render: score -> the export job -> offline render to WAV/FLAC/OGG (and stems).
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>

#include "commands.h"
#include "core/score_io.h"
#include "export/export_job.h"

namespace graphony::cli {

namespace {

// A bar on a terminal (redrawn in place), a line per 10% otherwise (logs, pipes).
class Progress {
 public:
  explicit Progress(std::string label) : label_(std::move(label)), tty_(isatty(STDERR_FILENO)) {}
  void operator()(double fraction) {
    const int percent = static_cast<int>(std::floor(std::clamp(fraction, 0.0, 1.0) * 100));
    if (tty_) {
      if (percent == last_) return;
      const int filled = percent * 30 / 100;
      std::fprintf(stderr, "\r%s [%s%s] %3d%%", label_.c_str(), std::string(filled, '#').c_str(),
                   std::string(30 - filled, '-').c_str(), percent);
      if (percent == 100) std::fprintf(stderr, "\n");
    } else {
      if (percent / 10 == last_ / 10) return;
      std::fprintf(stderr, "%s: %d%%\n", label_.c_str(), percent / 10 * 10);
    }
    std::fflush(stderr);
    last_ = percent;
  }

 private:
  std::string label_;
  bool tty_;
  int last_ = -1;
};

SampleFormat ParseBits(const std::string& text) {
  if (text == "16") return SampleFormat::kPcm16;
  if (text == "24") return SampleFormat::kPcm24;
  if (text == "32" || text == "float") return SampleFormat::kFloat;
  throw UsageError(
      "render", Fill(_("--bits must be 16, 24 or 32 (float), got \"{value}\""), {{"value", text}}));
}

int RunRender(Args& args) {
  const auto out = args.Option("-o");
  const auto rate = args.Option("--rate");
  const auto from = args.Option("--from");
  const auto to = args.Option("--to");
  const auto stems = args.Option("--stems");
  const auto quality = args.Option("--quality");
  const auto reverb = args.Option("--reverb");
  const auto bits = args.Option("--bits");
  const auto gain = args.Option("--gain");
  const bool no_reverb = args.Flag("--no-reverb");
  (void)(args.Flag("--normalise") || args.Flag("--normalize"));  // the default now; still accepted
  const bool no_normalise = args.Flag("--no-normalise") || args.Flag("--no-normalize");
  const bool dry = args.Flag("--dry");
  const bool quiet = args.Flag("--quiet");
  const auto files = args.Positionals();
  if (files.size() != 1) throw UsageError("render", _("give exactly one score file (see --help)"));
  if (!out && !stems)
    throw UsageError("render", _("give an output with -o OUT.wav|.flac|.ogg (or --stems DIR)"));

  OfflineOptions options;
  FileOptions file;
  if (out) {
    try {
      file.format = AudioFormatFromPath(*out);
    } catch (const RenderError& e) {
      // NOT-UI: the command (and action) as typed, before a translated message
      throw UsageError(std::string("render: ") + e.what());
    }
  }
  if (rate) {
    options.engine.sample_rate = ParseNumber("--rate", *rate);
    if (!(options.engine.sample_rate >= 22050 && options.engine.sample_rate <= 192000))
      throw UsageError("render", _("--rate must be between 22050 and 192000 Hz"));
  }
  if (from) options.from_beat = ParseNumber("--from", *from);
  if (to) options.to_beat = ParseNumber("--to", *to);
  if (!(options.from_beat >= 0) || (to && !(options.to_beat > options.from_beat)))
    throw UsageError("render", _("need 0 <= --from < --to"));
  if (quality) {
    const double q = ParseNumber("--quality", *quality);
    if (!(q >= 0 && q <= 10))
      throw UsageError("render", _("--quality is 0 (smallest) .. 10 (best)"));
    file.quality = q / 10.0;
  }
  if (reverb) {
    const double mix = ParseNumber("--reverb", *reverb);
    if (!(mix >= 0 && mix <= 1)) throw UsageError("render", _("--reverb is a mix from 0 to 1"));
    options.engine.reverb_mix = static_cast<float>(mix);
  }
  if (gain) {
    const double db = ParseNumber("--gain", *gain);
    if (!(db >= -60 && db <= 24)) throw UsageError("render", _("--gain is in dB, -60 .. 24"));
    options.engine.master_gain = static_cast<float>(std::pow(10.0, db / 20));
  }
  if (bits) file.sample_format = ParseBits(*bits);
  if (no_reverb || dry) options.engine.reverb_mix = 0;
  if (dry) options.engine.partial_gain = -1;  // scan rows at 1/rows each: the W(N) levels
  options.normalise = !no_normalise && !dry;

  const Score score = LoadScore(files[0]);
  ExportRequest request;
  if (out) request.out = *out;
  if (stems) request.stems_dir = *stems;
  request.audio = options;
  request.file = file;

  const auto t0 = std::chrono::steady_clock::now();
  ExportResult result;
  try {
    Progress bar(out ? (stems ? Fill(_("rendering {file} and stems into {folder}"),
                                     {{"file", *out}, {"folder", *stems}})
                              : Fill(_("rendering {file}"), {{"file", *out}}))
                     : Fill(_("rendering stems into {folder}"), {{"folder", *stems}}));
    result = RunExportJob(score, request, [&](double f) {
      if (!quiet) bar(f);
    });
    for (const auto& p : result.stems) std::printf("%s\n", p.string().c_str());
  } catch (const RenderError& e) {
    // Output problems already name the output; anything else is about the score.
    const std::string msg = e.what();
    const bool names_output =
        (out && msg.rfind(*out, 0) == 0) || (stems && msg.rfind(*stems, 0) == 0);
    std::fprintf(stderr, "%s%s\n", names_output ? "" : (files[0] + ": ").c_str(), msg.c_str());
    return kExitFailure;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (out)
    std::printf("%s: %s\n", out->c_str(),
                Fill(_("{length} s of audio at {rate} Hz (rendered in {took} s)"),
                     {{"length", Sprintf("%.1f", static_cast<double>(result.audio_frames) /
                                                     result.sample_rate)},
                      {"rate", Sprintf("%.0f", result.sample_rate)},
                      {"took", Sprintf("%.2f", seconds)}})
                    .c_str());
  return kExitOk;
}

}  // namespace

const Command kRenderCommand = {
    "render", N_("render a score to an audio file (WAV, FLAC, OGG) or stems"),
    N_("usage: graphony-cli render FILE -o OUT.wav|.flac|.ogg [options]\n\n"
       "Plays the score offline through the synthesis engine and writes the sound.\n"
       "WAV and FLAC are 24-bit by default; OGG is Vorbis. An existing OUT is replaced only\n"
       "once the new file is complete.\n\n"
       "options:\n"
       "  -o OUT          output file; the extension picks the format\n"
       "  --rate HZ       sample rate, 22050 .. 192000 (default 48000)\n"
       "  --from BEAT     start at this beat (default 0)\n"
       "  --to BEAT       stop at this beat (default: the end), plus the reverb/release tail\n"
       "  --stems DIR     also write one file per instrument into DIR (for mixing)\n"
       "  --quality Q     OGG quality 0 (smallest) .. 10 (best), default 6\n"
       "  --bits B        WAV/FLAC sample format: 16, 24 (default) or 32 (WAV float)\n"
       "  --reverb MIX    reverb amount 0 .. 1 (default 0.18)\n"
       "  --no-reverb     no reverb\n"
       "  --gain DB       master gain in dB before the limiter (default 0)\n"
       "  --no-normalise  keep the raw level (by default loudness is normalised to -16 LUFS,\n"
       "                  EBU R128, the same gain live playback uses; peaks stay under -1 dBFS)\n"
       "  --dry           for measurements: no reverb, no normalisation, scan-mode rows at\n"
       "                  1/rows amplitude each\n"
       "  --quiet         no progress output\n\n"
       "Progress goes to stderr (a bar on a terminal, lines otherwise). Exit status: 0 done,\n"
       "1 bad score or output, 2 usage error.\n"),
    RunRender};

}  // namespace graphony::cli
