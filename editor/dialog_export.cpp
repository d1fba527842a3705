// ExportDialog: one worker thread per export; the window keeps drawing, the bar moves.
#include "dialog_export.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "course/course.h"
#include "edit_helpers.h"
#include "export/export_job.h"
#include "export_purpose.h"
#include "icons.h"
#include "imgui.h"
#include "layout_report.h"
#include "logic/file_suggestions.h"
#include "logic/library_jail.h"
#include "text/rtl_layout.h"
#include "text/ui_text.h"
#include "theme.h"

namespace graphony::editor {

namespace fs = std::filesystem;

namespace {

constexpr const char* kKindNames[] = {N_("WAV sound"),
                                      N_("FLAC sound (smaller, same quality)"),
                                      N_("OGG sound (small, for phones)"),
                                      N_("MusicXML (notation programs)"),
                                      N_("MIDI"),
                                      N_("LilyPond"),
                                      N_("PDF to print"),
                                      N_("Graphony score (a copy)"),
                                      N_("The whole course, to share (.zip)"),
                                      N_("Portfolio booklet of the course (PDF)")};
constexpr const char* kExtensions[] = {".wav", ".flac", ".ogg",      ".musicxml", ".mid",
                                       ".ly",  ".pdf",  ".graphony", ".zip",      ".pdf"};
constexpr int kKinds = 10;
constexpr int kScoreKinds = 8;  // the rest need an open course

bool IsCourseKind(int kind) { return kind >= kScoreKinds; }

// The share purposes' glyphs, in the order of kPurposes; "everything" is the house: it stays
// with us.
Glyph PurposeGlyph(int purpose) {
  switch (purpose) {
    case 0:
      return Glyph::kGroup;
    case 1:
      return Glyph::kPicture;
    case 2:
      return Glyph::kMegaphone;
    case 3:
      return Glyph::kMagnifier;
    default:
      return Glyph::kHome;
  }
}

// A button as wide as `size` or as its (translated) word needs, whichever is wider.
ImVec2 Fit(const char* label, ImVec2 size) {
  const float need = ImGui::CalcTextSize(label).x + 2 * ImGui::GetStyle().FramePadding.x;
  return ImVec2(std::max(size.x, std::ceil(need)), size.y);
}

bool IsAudio(ExportKind k) {
  return k == ExportKind::kWav || k == ExportKind::kFlac || k == ExportKind::kOgg;
}

// The export job picks what to make by extension: a path typed without the chosen kind's
// extension (or with another kind's) gets it, so the kind chosen is the kind made.
fs::path OutputFor(ExportKind kind, const fs::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const std::string want = kExtensions[static_cast<int>(kind)];
  const bool ok = ext == want || (kind == ExportKind::kMusicXml && ext == ".xml") ||
                  (kind == ExportKind::kMidi && ext == ".midi") ||
                  (kind == ExportKind::kOgg && ext == ".oga");
  if (ok) return path;
  fs::path fixed = path;
  if (ExportTargetOf(path) != ExportTarget::kUnknown) fixed.replace_extension();
  fixed += want;
  return fixed;
}

}  // namespace

ExportDialog::~ExportDialog() {
  cancel_ = true;
  Join();
}

void ExportDialog::Join() {
  if (worker_.joinable()) worker_.join();
}

void ExportDialog::Open(const Document& doc, const std::string& last_folder,
                        const fs::path& course_dir) {
  open_ = true;
  show_kind_ = true;
  const char* home = std::getenv("HOME");
  folder_ = StartFolder(doc.path, last_folder, home ? fs::path(home) : fs::current_path());
  title_ = doc.score.title;
  course_ = course_dir;
  course_title_.clear();
  if (!course_.empty()) {
    try {
      course_title_ = LoadCourse(course_).title;
    } catch (const std::exception&) {
      course_title_ = course_.filename().string();  // the job itself will say what is wrong
    }
  }
  if (IsCourseKind(kind_) && course_.empty()) kind_ = 0;
  suggested_ = Suggest(kind_);
  std::snprintf(path_, sizeof path_, "%s", suggested_.c_str());
}

std::string ExportDialog::Suggest(int kind) const {
  // The booklet goes in the course folder; the course's zip beside it (a share may not sit
  // inside what it shares).
  const ExportKind k = static_cast<ExportKind>(kind);
  if (k == ExportKind::kPortfolio)
    return (course_ / SuggestFileName(
                          course_, text::Printf(_("%s portfolio"), course_title_.c_str()), ".pdf"))
        .string();
  if (k == ExportKind::kCourseZip) {
    const fs::path beside = course_.parent_path();
    return (beside / SuggestFileName(beside, course_title_, ".zip")).string();
  }
  return (folder_ / SuggestFileName(folder_, title_, kExtensions[kind])).string();
}

void ExportDialog::ChooseKind(int kind) {
  if (kind < 0 || kind >= kKinds || (IsCourseKind(kind) && course_.empty())) return;
  kind_ = kind;
  show_kind_ = true;
  if (suggested_ == path_ || IsCourseKind(kind)) {  // ours: named after the title, not taken
    suggested_ = Suggest(kind);
    std::snprintf(path_, sizeof path_, "%s", suggested_.c_str());
    return;
  }
  fs::path p = path_;
  p.replace_extension(kExtensions[kind]);
  std::snprintf(path_, sizeof path_, "%s", p.string().c_str());
}

void ExportDialog::Run(const Score& score, ExportKind kind, const fs::path& out, bool stems,
                       std::atomic<double>* progress, const std::atomic<bool>* cancel) {
  // The same job as graphony-cli render/export/print.
  ExportRequest request;
  request.out = OutputFor(kind, out);
  if (stems && IsAudio(kind))
    request.stems_dir = request.out.parent_path() / (request.out.stem().string() + "-stems");
  RunExportJob(
      score, request, [&](double f) { progress->store(f); }, cancel);
}

void ExportDialog::Start(const Document& doc) {
  Join();
  progress_ = 0;
  cancel_ = false;
  done_ = false;
  auto score = std::make_shared<const Score>(doc.score);  // the worker's own copy
  ExportJob job;
  job.kind = static_cast<ExportKind>(kind_);
  job.out = OutputFor(job.kind, path_);
  job.stems = stems_ && IsAudio(job.kind);
  if (purpose_ >= 0) job.purpose = kPurposes[static_cast<size_t>(purpose_)];
  job.source = doc.path;
  job.course = course_;
  job.today = TodayIsoDate();
  worker_ = std::thread([this, score, job] {
    std::string message;
    bool error = false;
    try {
      // Translated here but shaped (text::Visual) on the UI thread, where it is drawn.
      message = RunExportJobFor(*score, job, &progress_, &cancel_);
    } catch (const RenderCancelled&) {
      message = i18n::Translate(N_("Export cancelled; nothing was changed."));
    } catch (const std::exception& e) {
      message = e.what();
      error = true;
    }
    std::lock_guard<std::mutex> lock(mutex_);
    result_ = message;
    result_error_ = error;
    done_ = true;
  });
}

// Who the copy is for: five big glyphs (their words as tooltips), the chosen one in words.
// `compact` (a short window): the glyphs follow on the line drawn last, no words below them.
void ExportDialog::DrawPurposes(UiState& ui, const CanvasColors& colors, bool compact) {
  // 48 px: a finger's target, never less; on a short window no more.
  const float b = compact ? 48.f : std::max(48.f, std::round(48 * ui.settings.ui_scale));
  const bool booklet = static_cast<ExportKind>(kind_) == ExportKind::kPortfolio;
  if (compact) ImGui::SameLine(0, std::round(24 * ui.settings.ui_scale));
  ImGui::TextUnformatted(_("Who is it for?"));
  ReportText(ui, _("Who is it for?"), false, true);
  if (compact) ImGui::SameLine();
  // The booklet follows the print rule (docs/courses.md), whoever it is for.
  ImGui::BeginDisabled(booklet);
  for (int i = -1; i < static_cast<int>(kPurposes.size()); ++i) {
    if (i > -1) ImGui::SameLine();
    const char* label = i < 0 ? _("Everything (not for sharing)")
                              : _(PurposeLabel(kPurposes[static_cast<size_t>(i)]));
    char id[32], name[32];
    std::snprintf(id, sizeof id, "##purpose%d", i + 1);
    std::snprintf(name, sizeof name, "export.purpose.%d", i + 1);
    const IconButtonResult r = IconButton(id, b, purpose_ == i, label, label, colors, ui);
    MarkLastItem(ui, name);
    ReportControl(ui, name);
    DrawGlyph(ImGui::GetWindowDrawList(), PurposeGlyph(i), r.center, r.icon_size, r.color);
    if (r.pressed) purpose_ = i;
  }
  ImGui::EndDisabled();
  if (compact) return;  // the chosen glyph is lit; each says its word when pointed at
  const char* chosen =
      booklet        ? _("The booklet names only those who agreed to be named in print.")
      : purpose_ < 0 ? _("Everything (not for sharing)")
                     : text::Printf(_("Only what each person agreed to for: %s"),
                                    _(PurposeLabel(kPurposes[static_cast<size_t>(purpose_)])));
  ImGui::TextWrapped("%s", text::Visual(chosen));
}

std::string ExportDialog::Draw(const Document& doc, UiState& ui, const CanvasColors& colors,
                               bool* is_error) {
  std::string finished;
  if (worker_.joinable() && done_) {
    Join();
    std::lock_guard<std::mutex> lock(mutex_);
    finished = result_;
    *is_error = result_error_;
    last_message_ = result_;
  }
  if (!open_) return finished;
  const float s = ui.settings.ui_scale;
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f),
                          ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  // Its height follows its contents every frame (never a scrolled-away Cancel), within the
  // window; its width fits the window too.
  const float width = std::min(std::round(560 * s), io.DisplaySize.x - 2 * std::round(12 * s));
  ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, io.DisplaySize.y * 0.96f));
  ImGui::SetNextWindowSize(ImVec2(width, 0), ImGuiCond_Always);
  bool keep_open = true;
  if (ImGui::Begin(text::WithId(_("Export"), "###export"), &keep_open,
                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
    const bool running = Running();
    ImGui::BeginDisabled(running);
    // The kinds scroll in their own box when the window is short, so the rows below (and
    // the Export and Cancel buttons) always show; shorter still, who it is for goes up
    // beside "What to make:".
    const ImGuiStyle& style = ImGui::GetStyle();
    const float row = ImGui::GetFrameHeightWithSpacing();
    const int kinds = course_.empty() ? kScoreKinds : kKinds;
    const float base = ImGui::GetFrameHeight() + 2 * style.WindowPadding.y + 6.5f * row;
    const float full_purposes = std::max(48.f, std::round(48 * s)) + 2 * row + style.ItemSpacing.y;
    const bool compact = io.DisplaySize.y * 0.96f - base - full_purposes < 3 * row;
    const float rest = base + (compact ? 48.f - row * 0.5f : full_purposes);
    ImGui::TextUnformatted(_("What to make:"));
    ReportText(ui, _("What to make:"), false, true);
    if (compact) DrawPurposes(ui, colors, true);
    const float list_h = std::min(kinds * row, io.DisplaySize.y * 0.96f - rest);
    ImGui::BeginChild("##kinds", ImVec2(0, std::max((compact ? 1.5f : 2.f) * row, list_h)), false);
    for (int k = 0; k < kinds; ++k) {
      if (ImGui::RadioButton(text::WithId(_(kKindNames[k]), kExtensions[k]), &kind_, k))
        ChooseKind(k);
      char rect_name[24];
      std::snprintf(rect_name, sizeof rect_name, "export.kind.%d", k);
      MarkLastItem(ui, rect_name);                     // tests click the kinds
      ReportText(ui, _(kKindNames[k]), false, false);  // scrolled away is fine, cut off is not
      if (k == kind_ && show_kind_) ImGui::SetScrollHereY(0.5f);
    }
    show_kind_ = false;
    ImGui::EndChild();
    // Always there (greyed for notation), so nothing below moves when the kind changes.
    ImGui::BeginDisabled(!IsAudio(static_cast<ExportKind>(kind_)));
    ImGui::Checkbox(text::WithId(_("Also one file per instrument (stems)"), "###stems"), &stems_);
    ReportText(ui, _("Also one file per instrument (stems)"), false, true);
    ImGui::EndDisabled();
    if (!compact) DrawPurposes(ui, colors, false);
    ImGui::TextUnformatted(_("Save as:"));
    ImGui::SetNextItemWidth(-1);
    text::InputText("##path", path_, sizeof path_);
    MarkLastItem(ui, "export.path");
    ImGui::EndDisabled();
    ImGui::Spacing();
    // The progress bar's row is kept while idle too: the buttons stay where they are.
    if (running) {
      char label[32];
      std::snprintf(label, sizeof label, "%.0f%%", progress_.load() * 100);
      ImGui::ProgressBar(static_cast<float>(progress_.load()), ImVec2(-1, 0), label);
    } else {
      ImGui::Dummy(ImVec2(1, ImGui::GetFrameHeight()));
    }
    const ImVec2 button(std::round(140 * s), std::max(kMinTouchTarget, ImGui::GetFrameHeight()));
    if (running) {
      if (ImGui::Button(text::WithId(_("Cancel"), "###cancel"), Fit(_("Cancel"), button)))
        cancel_ = true;
      ReportText(ui, _("Cancel"), true, true);
    } else {
      const bool enter = ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) &&
                         ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) &&
                         !io.WantTextInput;
      // The course's zip is always for someone: it waits for a purpose.
      const bool needs_purpose =
          static_cast<ExportKind>(kind_) == ExportKind::kCourseZip && purpose_ < 0;
      ImGui::BeginDisabled(needs_purpose);
      const bool go = ImGui::Button(text::WithId(_("Export"), "###go"), Fit(_("Export"), button)) ||
                      (enter && !needs_purpose);
      ImGui::EndDisabled();
      if (needs_purpose && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ui.hint = _("Choose who the course is for.");
      if (go) {
        // Kiosk mode: outside the library only once a facilitator has given the PIN.
        const LibraryJail::Verdict v =
            ui.jail ? ui.jail->Resolve(OutputFor(static_cast<ExportKind>(kind_), path_), {}, false)
                    : LibraryJail::Verdict{};
        if (v.ok() || ui.kiosk_unlocked) {
          if (ui.jail && v.ok())  // what was checked is what is written (relative: the library)
            std::snprintf(path_, sizeof path_, "%s", v.path.c_str());
          Start(doc);
        } else {
          last_message_ =
              v.reason + i18n::Translate(N_(" A facilitator's PIN is needed to export elsewhere."));
          ui.kiosk_wants_pin = true;
        }
      }
      MarkLastItem(ui, "export.export");
      ReportControl(ui, "export.export");
      ReportText(ui, _("Export"), true, true);
      ImGui::SameLine();
      if (ImGui::Button(text::WithId(_("Close"), "###close"), Fit(_("Close"), button)))
        keep_open = false;
      ReportText(ui, _("Close"), true, true);
    }
    if (!last_message_.empty()) text::Wrapped(text::Visual(last_message_.c_str()));
    ReportWindow(ui, "export", true);
  }
  ImGui::End();
  if (!keep_open && !Running()) open_ = false;
  return finished;
}

}  // namespace graphony::editor
