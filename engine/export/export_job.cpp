// RunExportJob (see export_job.h).
#include "export/export_job.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "interpret/interpret.h"
#include "notation/export.h"
#include "synth/score_settings.h"

namespace graphony {

namespace {

std::string LowerExtension(const std::filesystem::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

void Report(const ProgressFn& progress, double f) {
  if (progress) progress(f);
}

}  // namespace

ExportTarget ExportTargetOf(const std::filesystem::path& out) {
  const std::string ext = LowerExtension(out);
  if (ext == ".wav" || ext == ".flac" || ext == ".ogg" || ext == ".oga")
    return ExportTarget::kAudio;
  if (notation::ExportFormatOf(out) != notation::ExportFormat::kUnknown)
    return ExportTarget::kNotation;
  if (ext == ".pdf" || ext == ".svg") return ExportTarget::kPrint;
  return ExportTarget::kUnknown;
}

ExportResult RunExportJob(const Score& score, const ExportRequest& request,
                          const ProgressFn& progress, const std::atomic<bool>* cancel) {
  ExportResult result;
  const bool stems = !request.stems_dir.empty();
  result.target = request.out.empty() && stems ? ExportTarget::kAudio : ExportTargetOf(request.out);
  const Events events = Interpret(score);
  switch (result.target) {
    case ExportTarget::kAudio: {
      OfflineOptions options = request.audio;
      options.engine = EngineSettingsForScore(score, events, options.engine, EngineUse::kOffline);
      FileOptions file = request.file;
      file.format = request.out.empty() ? AudioFormat::kWav : AudioFormatFromPath(request.out);
      const double mix_share = stems && !request.out.empty() ? 0.5 : 1.0;
      if (!request.out.empty()) {
        result.audio_frames = RenderToFile(
            events, request.out, options, file, [&](double f) { Report(progress, f * mix_share); },
            cancel);
      }
      if (stems) {
        const double p0 = request.out.empty() ? 0.0 : mix_share;
        result.stems = RenderStems(
            events, request.stems_dir, options, file,
            [&](double f) { Report(progress, p0 + (1 - p0) * f); }, cancel);
      }
      result.sample_rate = options.engine.sample_rate;
      break;
    }
    case ExportTarget::kNotation:
      result.notation = notation::ExportNotation(score, events, request.out, request.paper);
      break;
    case ExportTarget::kPrint:
      result.print = notation::PrintScore(score, events, request.out, request.print);
      break;
    case ExportTarget::kUnknown:
      throw std::runtime_error(
          request.out.string() +
          ": cannot export to this kind of file (use .wav, .flac, .ogg, .musicxml, "
          ".mid, .ly, .pdf or .svg)");
  }
  Report(progress, 1.0);
  return result;
}

}  // namespace graphony
