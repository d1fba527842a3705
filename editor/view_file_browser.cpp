// File browser: places (home, pictures, USB drives), a new-folder button, rows with thumbnails
// (made on a worker, uploaded a few a frame), a name field that takes typed paths.
#include "view_file_browser.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <system_error>

#include "course/course.h"
#include "edit_helpers.h"
#include "icons.h"
#include "imgui.h"
#include "layout_report.h"
#include "logic/file_suggestions.h"
#include "text/rtl_layout.h"
#include "text/ui_text.h"
#include "word_button.h"

namespace graphony::editor {

namespace fs = std::filesystem;

namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string SizeText(uintmax_t bytes) {
  char buf[32];
  if (bytes < 1024 * 1024)
    std::snprintf(buf, sizeof buf, "%s", text::Printf(_("%.0f KB"), std::max(1.0, bytes / 1024.0)));
  else
    std::snprintf(buf, sizeof buf, "%s", text::Printf(_("%.1f MB"), bytes / (1024.0 * 1024.0)));
  return buf;
}

}  // namespace

void FileBrowser::Open(Purpose purpose, const fs::path& start_dir, const std::string& suggested) {
  purpose_ = purpose;
  open_ = true;
  just_opened_ = true;
  focus_name_ = true;
  making_folder_ = false;
  error_.clear();
  notice_.clear();
  std::snprintf(name_, sizeof name_, "%s", suggested.c_str());
  places_.clear();
  const char* home = std::getenv("HOME");
  std::error_code ec;
  if (jail_) {  // kiosk mode: the library is the only place
    places_.emplace_back(_("Library"), jail_->Root());
    const LibraryJail::Verdict start = jail_->Resolve(start_dir, {}, true);
    ReadDir(start.ok() && fs::is_directory(start.path, ec) ? start.path : jail_->Root());
    return;
  }
  if (home) {
    places_.emplace_back(_("Home"), fs::path(home));
    // The folders' own names on disk; shown translated.
    for (const char* sub : {N_("Pictures"), N_("Desktop"), N_("Documents")})
      if (fs::is_directory(fs::path(home) / sub, ec))
        places_.emplace_back(_(sub), fs::path(home) / sub);
  }
  // Removable drives (USB sticks) are where facilitators bring pictures from.
  for (const char* media : {"/media", "/mnt", "/run/media"}) {
    if (!fs::is_directory(media, ec)) continue;
    for (const auto& e : fs::directory_iterator(media, ec)) {
      if (!e.is_directory(ec)) continue;
      for (const auto& d : fs::directory_iterator(e.path(), ec))
        if (d.is_directory(ec)) places_.emplace_back(d.path().filename().string(), d.path());
    }
  }
  fs::path dir = start_dir;
  if (dir.empty() || !fs::is_directory(dir, ec)) dir = home ? fs::path(home) : fs::current_path(ec);
  ReadDir(dir);
}

void FileBrowser::ReadDir(const fs::path& dir) {
  std::error_code ec;
  fs::path canon = fs::weakly_canonical(dir, ec);
  if (ec) canon = dir;
  if (jail_ && !jail_->Contains(canon)) {  // every way in (up, places, typed) ends here
    error_ = i18n::Translate(N_("Only the library folder can be used here."));
    return;
  }
  std::vector<Entry> entries;
  fs::directory_iterator it(canon, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    char msg[512];
    std::snprintf(msg, sizeof msg, i18n::Translate(N_("Cannot open the folder %s: %s")),
                  canon.filename().c_str(), ec.message().c_str());
    error_ = msg;
    return;
  }
  for (const auto& e : it) {
    const std::string name = e.path().filename().string();
    if (name.empty() || name[0] == '.') continue;    // hidden files only confuse
    if (jail_ && !jail_->Shows(e.path())) continue;  // kiosk: no symlink out of the library
    Entry entry;
    entry.name = name;
    entry.is_dir = e.is_directory(ec);
    if (!entry.is_dir && !Accepts(e.path())) continue;
    if (!entry.is_dir) {
      entry.size = e.file_size(ec);
      const auto time = e.last_write_time(ec);
      if (!ec) {
        entry.key.path = e.path().string();
        entry.key.mtime_ns =
            std::chrono::duration_cast<std::chrono::nanoseconds>(time.time_since_epoch()).count();
        entry.key.size = entry.size;
      }
    }
    entries.push_back(std::move(entry));
  }
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    if (a.is_dir != b.is_dir) return a.is_dir;
    return Lower(a.name) < Lower(b.name);
  });
  // The last folder's thumbnails are no longer wanted first; made ones stay cached.
  thumbnails_.CancelPending();
  dir_ = canon;
  entries_ = std::move(entries);
  selected_ = -1;
  error_.clear();
}

bool FileBrowser::Accepts(const fs::path& p) const {
  const std::string ext = Lower(p.extension().string());
  switch (purpose_) {
    case Purpose::kOpenScore:
    case Purpose::kImportPeople:  // the group comes from another score
      return ext == ".graphony" || ext == ".json";
    case Purpose::kSaveScore:
      return ext == ".graphony";
    case Purpose::kImportImage:
      return ext == ".png" || ext == ".jpg" || ext == ".jpeg";  // what DecodeImage reads
    case Purpose::kOpenCourse:
      return p.filename() == kCourseFile;
    case Purpose::kChooseFolder:
      return false;  // folders only
  }
  return false;
}

std::optional<fs::path> FileBrowser::Choose(const fs::path& typed) {
  std::error_code ec;
  fs::path p = typed;
  // A folder is chosen as the one shown (Open with no name), or a course folder as itself.
  if (p.empty() && (purpose_ == Purpose::kChooseFolder ||
                    (purpose_ == Purpose::kOpenCourse && IsCourseDir(dir_)))) {
    open_ = false;
    return dir_;
  }
  if (p.empty()) return std::nullopt;
  if (p.is_relative()) p = dir_ / p;
  if (jail_) {  // kiosk mode: a typed path must stay in the library (refused, said why)
    const LibraryJail::Verdict v = jail_->Resolve(typed, dir_, false);
    if (!v.ok()) {
      error_ = v.reason;
      return std::nullopt;
    }
    p = v.path;
  }
  // Choosing a folder: the one shown, named again (its path still in the field), is it.
  if (purpose_ == Purpose::kChooseFolder && fs::is_directory(p, ec) &&
      fs::weakly_canonical(p, ec) == dir_) {
    open_ = false;
    return dir_;
  }
  if (fs::is_directory(p, ec)) {
    ReadDir(p);
    name_[0] = '\0';
    focus_name_ = true;  // typing goes on: the next name or folder
    return std::nullopt;
  }
  switch (purpose_) {
    case Purpose::kSaveScore:
      if (Lower(p.extension().string()) != ".graphony") p += ".graphony";
      if (jail_) {  // the name with its extension may be a symlink out
        const LibraryJail::Verdict v = jail_->Resolve(p, {}, false);
        if (!v.ok()) {
          error_ = v.reason;
          return std::nullopt;
        }
      }
      if (!fs::is_directory(p.parent_path(), ec)) {
        error_ = i18n::Translate(N_("That folder does not exist."));
        return std::nullopt;
      }
      break;
    case Purpose::kChooseFolder:  // a folder was not typed: nothing to choose yet
      error_ = i18n::Translate(N_("That folder does not exist."));
      return std::nullopt;
    case Purpose::kOpenScore:
    case Purpose::kImportImage:
    case Purpose::kImportPeople:
    case Purpose::kOpenCourse:
      if (!fs::exists(p, ec)) {
        char msg[512];
        std::snprintf(msg, sizeof msg, i18n::Translate(N_("No file called %s here.")),
                      p.filename().c_str());
        error_ = msg;
        return std::nullopt;
      }
      break;
  }
  open_ = false;
  return p;
}

const sf::Texture* FileBrowser::ThumbnailFor(Entry& e) {
  if (e.is_dir) return nullptr;
  const sf::Texture* t = thumbnails_.Get(e.key);
  e.has_thumbnail = e.has_thumbnail || t != nullptr;
  return t;
}

void FileBrowser::DrawNewFolderRow(UiState& ui, const CanvasColors& colors, float b) {
  const float s = ui.settings.ui_scale;
  ImGui::SetNextItemWidth(std::min(420 * s, ImGui::GetContentRegionAvail().x * 0.5f));
  if (focus_folder_name_) {
    ImGui::SetKeyboardFocusHere();
    focus_folder_name_ = false;
  }
  // As tall as the buttons beside it: a big target for a finger or a shaky hand.
  ImGui::PushStyleVar(
      ImGuiStyleVar_FramePadding,
      ImVec2(ImGui::GetStyle().FramePadding.x,
             std::max(ImGui::GetStyle().FramePadding.y, (b - ImGui::GetFontSize()) * 0.5f)));
  const bool enter =
      text::InputText("##foldername", folder_name_, sizeof folder_name_,
                      ImGuiInputTextFlags_EnterReturnsTrue, _("name of the new folder"));
  ImGui::PopStyleVar();
  MarkLastItem(ui, "browser.folder_name");
  ImGui::SameLine();
  const bool make = WordButton("##makefolder", Glyph::kCheck, _("Make folder"), b, colors.accent,
                               ui, "browser.make_folder");
  ImGui::SameLine();
  if (WordButton("##nofolder", Glyph::kCross, _("Never mind"), b, colors.icon, ui,
                 "browser.folder_cancel")) {
    making_folder_ = false;
    error_.clear();
    return;
  }
  if (!enter && !make) return;
  const std::string name = folder_name_;
  const std::string problem = MakeFolder(dir_, name);
  if (!problem.empty()) {
    error_ = problem;  // the typed name stays, to be corrected
    return;
  }
  making_folder_ = false;
  ReadDir(dir_ / name);  // into it: what is saved next goes there
  char msg[512];
  std::snprintf(msg, sizeof msg, i18n::Translate(N_("Made the folder %s.")), name.c_str());
  notice_ = msg;
  focus_name_ = true;  // Enter now saves (or opens) in the new folder
}

void FileBrowser::WriteStatus(UiState& ui) const {
  int thumbs = 0, files = 0;
  for (const Entry& e : entries_) {
    files += e.is_dir ? 0 : 1;
    thumbs += e.has_thumbnail ? 1 : 0;
  }
  std::snprintf(ui.browser_status, sizeof ui.browser_status,
                "browser.open=%d\nbrowser.dir=%.280s\nbrowser.files=%d\nbrowser.thumbnails=%d\n"
                "browser.name=%.160s\nbrowser.folder_name=%.100s\nbrowser.error=%.200s\n",
                open_ ? 1 : 0, dir_.c_str(), files, thumbs, name_, folder_name_, error_.c_str());
}

std::optional<fs::path> FileBrowser::Draw(UiState& ui, const CanvasColors& colors) {
  if (!open_) {
    ui.browser_status[0] = '\0';
    return std::nullopt;
  }
  thumbnails_.Upload();
  const char* title =
      text::WithId(purpose_ == Purpose::kOpenScore      ? _("Open a score")
                   : purpose_ == Purpose::kSaveScore    ? _("Save the score")
                   : purpose_ == Purpose::kImportPeople ? _("Take the people from another score")
                   : purpose_ == Purpose::kOpenCourse   ? _("Open a course")
                   : purpose_ == Purpose::kChooseFolder ? _("Choose the library folder")
                                                        : _("Add a picture"),
                   "###browser");
  const ImGuiIO& io = ImGui::GetIO();
  const float s = ui.settings.ui_scale;
  ImGui::SetNextWindowSize(ImVec2(std::min(io.DisplaySize.x * 0.94f, 1000 * s),
                                  std::min(io.DisplaySize.y * 0.9f, 720 * s)),
                           ImGuiCond_Always);
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f),
                          ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  if (just_opened_) ImGui::OpenPopup("###browser");
  bool keep_open = true;
  if (!ImGui::BeginPopupModal(title, &keep_open,
                              ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove)) {
    if (!just_opened_) open_ = false;
    WriteStatus(ui);
    return std::nullopt;
  }
  std::optional<fs::path> chosen;
  const float b = std::round(48 * s);
  // [SECTION] Up, new folder, places, current folder
  if (WordButton("##up", Glyph::kUp, _("Up"), b, colors.icon, ui, "browser.up") &&
      dir_.has_parent_path() && (!jail_ || dir_ != jail_->Root()))
    ReadDir(dir_.parent_path());
  ImGui::SameLine();
  if (WordButton("##newfolder", Glyph::kFolder, _("New folder"), b, colors.accent, ui,
                 "browser.new_folder")) {
    making_folder_ = !making_folder_;
    focus_folder_name_ = making_folder_;
    folder_name_[0] = '\0';
    error_.clear();
  }
  for (size_t i = 0; i < places_.size(); ++i) {
    // Wraps to a new line rather than running off the window.
    const float w = ImGui::CalcTextSize(places_[i].first.c_str()).x + b + 20 * s;
    if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + w <
        ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x)
      ImGui::SameLine();
    ImGui::PushID(static_cast<int>(i));
    if (WordButton("##place", Glyph::kFolder, places_[i].first.c_str(), b, colors.icon, ui,
                   "browser.place"))
      ReadDir(places_[i].second);
    ImGui::PopID();
  }
  if (making_folder_) DrawNewFolderRow(ui, colors, b);
  ImGui::TextDisabled("%s", dir_.c_str());

  // [SECTION] Entries: one row each, its thumbnail (or icon) beside its name
  const float footer =
      ImGui::GetTextLineHeightWithSpacing() + b + ImGui::GetStyle().ItemSpacing.y * 3;
  ImGui::BeginChild("##entries", ImVec2(0, -footer), true);
  const float row_h = std::round(64 * s);
  const float thumb_w = std::round(row_h * 1.5f);
  ImGuiListClipper clipper;  // only the rows in view are drawn (and ask for thumbnails)
  clipper.Begin(static_cast<int>(entries_.size()), row_h + ImGui::GetStyle().ItemSpacing.y);
  bool changed_folder = false;
  while (!changed_folder && clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd && !changed_folder; ++i) {
      Entry& e = entries_[static_cast<size_t>(i)];
      ImGui::PushID(i);
      const ImVec2 p = ImGui::GetCursorScreenPos();
      if (ImGui::Selectable("##e", selected_ == i, ImGuiSelectableFlags_AllowDoubleClick,
                            ImVec2(0, row_h))) {
        selected_ = i;
        if (!e.is_dir) std::snprintf(name_, sizeof name_, "%s", e.name.c_str());
        if (e.is_dir) {
          ReadDir(dir_ / e.name);
          changed_folder = true;
        } else if (ImGui::IsMouseDoubleClicked(0)) {
          chosen = Choose(dir_ / e.name);
        }
      }
      if (i < 12) {
        char rect_name[32];
        std::snprintf(rect_name, sizeof rect_name, "browser.entry.%d", i);
        MarkLastItem(ui, rect_name);
      }
      if (!changed_folder) {
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const ImVec2 box0(p.x + 4 * s, p.y + 4 * s), box1(p.x + thumb_w, p.y + row_h - 4 * s);
        const sf::Texture* tex = ThumbnailFor(e);
        if (tex) {
          // Fitted in its box with its own shape (never stretched).
          const float tw = static_cast<float>(tex->getSize().x),
                      th = static_cast<float>(tex->getSize().y);
          const float k = std::min((box1.x - box0.x) / tw, (box1.y - box0.y) / th);
          const ImVec2 c((box0.x + box1.x) * 0.5f, (box0.y + box1.y) * 0.5f);
          const ImVec2 a(c.x - tw * k * 0.5f, c.y - th * k * 0.5f),
              z(c.x + tw * k * 0.5f, c.y + th * k * 0.5f);
          dl->AddImage(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(tex->getNativeHandle())),
                       a, z);
          dl->AddRect(a, z, colors.icon & 0x60FFFFFF);
        } else {
          const Glyph g = e.is_dir                            ? Glyph::kFolder
                          : purpose_ == Purpose::kImportImage ? Glyph::kPicture
                                                              : Glyph::kScoreFile;
          DrawGlyph(dl, g, ImVec2((box0.x + box1.x) * 0.5f, (box0.y + box1.y) * 0.5f), row_h * 0.6f,
                    e.is_dir ? colors.accent : colors.icon);
        }
        const float tx = p.x + thumb_w + 12 * s;
        const float line = ImGui::GetFontSize();
        dl->AddText(ImVec2(tx, p.y + row_h * 0.5f - line * 1.05f),
                    ImGui::GetColorU32(ImGuiCol_Text), e.name.c_str());
        const std::string detail = e.is_dir ? std::string(_("Folder")) : SizeText(e.size);
        dl->AddText(ImVec2(tx, p.y + row_h * 0.5f + line * 0.1f),
                    ImGui::GetColorU32(ImGuiCol_TextDisabled), detail.c_str());
      }
      ImGui::PopID();
    }
  }
  if (changed_folder) {
    clipper.End();  // left before Step() said so: the rows belonged to the old folder
    ImGui::SetScrollY(0);
  }
  if (entries_.empty()) ImGui::TextDisabled("%s", _("Nothing to show here."));
  ImGui::EndChild();

  // [SECTION] Name field and buttons
  if (!error_.empty())
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors.warning), "%s",
                       text::Visual(error_.c_str()));  // messages are kept in logical order
  else if (!notice_.empty())
    ImGui::TextUnformatted(text::Visual(notice_.c_str()));
  else
    ImGui::TextDisabled("%s", purpose_ == Purpose::kSaveScore ? _("Type a name, then press Enter.")
                              : purpose_ == Purpose::kChooseFolder
                                  ? _("Go into the folder, then press Use this folder.")
                              : purpose_ == Purpose::kOpenCourse
                                  ? _("Go into the course folder, then press Open.")
                                  : _("Pick a file, or type its name or full path."));
  const char* ok_label = purpose_ == Purpose::kSaveScore      ? _("Save")
                         : purpose_ == Purpose::kChooseFolder ? _("Use this folder")
                                                              : _("Open");
  const float buttons = ImGui::CalcTextSize(ok_label).x + ImGui::CalcTextSize(_("Cancel")).x +
                        2 * (b + 20 * s) + 3 * ImGui::GetStyle().ItemSpacing.x;
  ImGui::SetNextItemWidth(-buttons);
  if (focus_name_ && !making_folder_) {
    ImGui::SetKeyboardFocusHere();
    focus_name_ = false;
  }
  ImGui::PushStyleVar(
      ImGuiStyleVar_FramePadding,
      ImVec2(ImGui::GetStyle().FramePadding.x,
             std::max(ImGui::GetStyle().FramePadding.y, (b - ImGui::GetFontSize()) * 0.5f)));
  const bool enter =
      text::InputText("##name", name_, sizeof name_, ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::PopStyleVar();
  MarkLastItem(ui, "browser.name");
  ImGui::SameLine();
  const bool ok = WordButton("##ok", Glyph::kCheck, ok_label, b, colors.accent, ui, "browser.ok");
  if ((enter || ok) && !chosen) chosen = Choose(fs::path(name_));
  ImGui::SameLine();
  if (WordButton("##cancel", Glyph::kCross, _("Cancel"), b, colors.icon, ui, "browser.cancel") ||
      (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)) && !making_folder_))
    open_ = false;
  if (making_folder_ && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
    making_folder_ = false;
  just_opened_ = false;
  if (!open_ || !keep_open) {
    open_ = false;
    ImGui::CloseCurrentPopup();
  }
  WriteStatus(ui);
  ImGui::EndPopup();
  return chosen;
}

}  // namespace graphony::editor
