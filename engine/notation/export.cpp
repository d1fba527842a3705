// Exporting notation files by extension, written atomically.
#include "notation/export.h"

#include <algorithm>
#include <cctype>

#include "core/i18n.h"
#include "core/score_io.h"
#include "notation/writers.h"

namespace graphony::notation {

ExportFormat ExportFormatOf(const std::filesystem::path& out) {
  std::string ext = out.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == ".musicxml" || ext == ".xml") return ExportFormat::kMusicXml;
  if (ext == ".mid" || ext == ".midi") return ExportFormat::kMidi;
  if (ext == ".ly") return ExportFormat::kLilyPond;
  return ExportFormat::kUnknown;
}

NotationScore ExportNotation(const Score& score, const Events& events,
                             const std::filesystem::path& out, const std::string& paper) {
  NotationScore ns = BuildNotation(score, events);
  switch (ExportFormatOf(out)) {
    case ExportFormat::kMusicXml: {
      const std::string text = ToMusicXml(ns);
      WriteFileAtomically(out, text.data(), text.size());
      break;
    }
    case ExportFormat::kMidi: {
      const std::vector<uint8_t> bytes = ToMidiFile(ns, events);
      WriteFileAtomically(out, bytes.data(), bytes.size());
      break;
    }
    case ExportFormat::kLilyPond: {
      const std::string text = ToLilyPond(ns, paper);
      WriteFileAtomically(out, text.data(), text.size());
      break;
    }
    case ExportFormat::kUnknown:
      throw ScoreError(out.string() + ": " + _("export writes .musicxml, .mid or .ly"));
  }
  return ns;
}

}  // namespace graphony::notation
