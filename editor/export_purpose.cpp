// RunExportJobFor: what the Export window's kinds and purposes mean, through the same engine
// functions as graphony-cli share, portfolio and export.
#include "export_purpose.h"

#include <cstdio>

#include "core/score_io.h"
#include "course/portfolio.h"
#include "course/share.h"
#include "text/ui_text.h"

namespace graphony::editor {

namespace {

std::string Said(const char* format, const std::string& file) {
  char text[512];
  std::snprintf(text, sizeof text, i18n::Translate(format), file.c_str());
  return text;
}

// "Exported x.wav. For Publicity: takes left out: 2; names shown as initials: 3."
std::string Shared(const std::string& done, Purpose purpose, const ShareReport& r) {
  char text[512];
  std::snprintf(text, sizeof text,
                i18n::Translate(N_("%s. For %s: takes left out: %d; names shown as initials: %d.")),
                done.c_str(), i18n::Translate(PurposeLabel(purpose)),
                r.takes_not_agreed + r.takes_expired, r.names_replaced);
  return text;
}

}  // namespace

std::string RunExportJobFor(const Score& score, const ExportJob& job, std::atomic<double>* progress,
                            const std::atomic<bool>* cancel) {
  const std::string file = job.out.filename().string();
  switch (job.kind) {
    case ExportKind::kPortfolio: {
      PortfolioOptions options;
      options.progress = [progress](double f) { progress->store(f); };
      options.cancel = cancel;
      const PortfolioResult r = PrintPortfolio(job.course, job.out, options);
      char text[512];
      std::snprintf(text, sizeof text,
                    i18n::Translate(N_("Made the portfolio booklet %s (pages: %d).")), file.c_str(),
                    r.pages);
      return text;
    }
    case ExportKind::kCourseZip: {
      if (!job.purpose) throw ScoreError(i18n::Translate(N_("Choose who the course is for.")));
      progress->store(0.1);
      const ShareReport r = ShareCourse(job.course, job.out, *job.purpose, job.today);
      return Shared(Said(N_("Exported %s"), file), *job.purpose, r);
    }
    case ExportKind::kScoreCopy: {
      ShareReport r;
      const Score copy =
          job.purpose ? ShareableScoreAt(score, job.source, *job.purpose, job.today, &r) : score;
      WriteScoreCopy(copy, job.source, job.out);
      progress->store(1);
      const std::string done = Said(N_("Exported %s"), file);
      return job.purpose ? Shared(done, *job.purpose, r) : done;
    }
    case ExportKind::kWav:
    case ExportKind::kFlac:
    case ExportKind::kOgg:
    case ExportKind::kMusicXml:
    case ExportKind::kMidi:
    case ExportKind::kLilyPond:
    case ExportKind::kPdf:
      break;
  }
  // Sound and notation of the shareable copy: a take not agreed to is not heard, a name not
  // agreed to is not printed.
  ShareReport r;
  if (job.purpose) {
    const Score copy = ShareableScoreAt(score, job.source, *job.purpose, job.today, &r);
    ExportDialog::Run(copy, job.kind, job.out, job.stems, progress, cancel);
  } else {
    ExportDialog::Run(score, job.kind, job.out, job.stems, progress, cancel);
  }
  const std::string done =
      Said(job.stems ? N_("Exported %s and one file per instrument") : N_("Exported %s"), file);
  return job.purpose ? Shared(done, *job.purpose, r) : done;
}

}  // namespace graphony::editor
