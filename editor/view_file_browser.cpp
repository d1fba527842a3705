// File browser: places (home, pictures, USB drives), folder list with big rows, a name field that
// takes typed paths.
#include "view_file_browser.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <system_error>

#include "icons.h"
#include "imgui.h"

namespace graphony::editor {

namespace fs = std::filesystem;

namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

void FileBrowser::Open(Purpose purpose, const fs::path& start_dir, const std::string& suggested) {
  purpose_ = purpose;
  open_ = true;
  just_opened_ = true;
  error_.clear();
  std::snprintf(name_, sizeof name_, "%s", suggested.c_str());
  places_.clear();
  const char* home = std::getenv("HOME");
  std::error_code ec;
  if (home) {
    places_.emplace_back("Home", fs::path(home));
    for (const char* sub : {"Pictures", "Desktop", "Documents"})
      if (fs::is_directory(fs::path(home) / sub, ec))
        places_.emplace_back(sub, fs::path(home) / sub);
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
  std::vector<Entry> entries;
  fs::directory_iterator it(canon, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    error_ = "Cannot open this folder: " + ec.message();
    return;
  }
  for (const auto& e : it) {
    const std::string name = e.path().filename().string();
    if (name.empty() || name[0] == '.') continue;  // hidden files only confuse
    Entry entry;
    entry.name = name;
    entry.is_dir = e.is_directory(ec);
    if (!entry.is_dir && !Accepts(e.path())) continue;
    if (!entry.is_dir) entry.size = e.file_size(ec);
    entries.push_back(std::move(entry));
  }
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    if (a.is_dir != b.is_dir) return a.is_dir;
    return Lower(a.name) < Lower(b.name);
  });
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
  }
  return false;
}

std::optional<fs::path> FileBrowser::Choose(const fs::path& typed) {
  std::error_code ec;
  fs::path p = typed;
  if (p.empty()) return std::nullopt;
  if (p.is_relative()) p = dir_ / p;
  if (fs::is_directory(p, ec)) {
    ReadDir(p);
    name_[0] = '\0';
    return std::nullopt;
  }
  switch (purpose_) {
    case Purpose::kSaveScore:
      if (Lower(p.extension().string()) != ".graphony") p += ".graphony";
      if (!fs::is_directory(p.parent_path(), ec)) {
        error_ = "That folder does not exist.";
        return std::nullopt;
      }
      break;
    case Purpose::kOpenScore:
    case Purpose::kImportImage:
    case Purpose::kImportPeople:
      if (!fs::exists(p, ec)) {
        error_ = "No file called " + p.filename().string() + " here.";
        return std::nullopt;
      }
      break;
  }
  open_ = false;
  return p;
}

std::optional<fs::path> FileBrowser::Draw(UiState& ui, const CanvasColors& colors) {
  if (!open_) return std::nullopt;
  const char* title = purpose_ == Purpose::kOpenScore   ? "Open a score###browser"
                      : purpose_ == Purpose::kSaveScore ? "Save the score###browser"
                      : purpose_ == Purpose::kImportPeople
                          ? "Take the people from another score###browser"
                          : "Add a picture###browser";
  const ImGuiIO& io = ImGui::GetIO();
  const float s = ui.settings.ui_scale;
  ImGui::SetNextWindowSize(ImVec2(std::min(io.DisplaySize.x * 0.9f, 900 * s),
                                  std::min(io.DisplaySize.y * 0.85f, 640 * s)),
                           ImGuiCond_Always);
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f),
                          ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  if (just_opened_) ImGui::OpenPopup("###browser");
  bool keep_open = true;
  if (!ImGui::BeginPopupModal(title, &keep_open,
                              ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove)) {
    if (!just_opened_) open_ = false;
    return std::nullopt;
  }
  std::optional<fs::path> chosen;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float b = std::round(44 * s);
  // [SECTION] Up, places, current folder
  IconButtonResult r = IconButton("##up", b, false, "Up one folder", nullptr, colors, ui);
  DrawGlyph(dl, Glyph::kUp, r.center, r.icon_size, r.color);
  if (r.pressed && dir_.has_parent_path()) ReadDir(dir_.parent_path());
  for (size_t i = 0; i < places_.size(); ++i) {
    ImGui::SameLine();
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::Button(places_[i].first.c_str(), ImVec2(0, b))) ReadDir(places_[i].second);
    ImGui::PopID();
  }
  ImGui::TextDisabled("%s", dir_.c_str());

  // [SECTION] Entries
  const float footer = ImGui::GetFrameHeightWithSpacing() * 2.2f + b;
  ImGui::BeginChild("##entries", ImVec2(0, -footer), true);
  const float row_h = std::round(36 * s);
  for (int i = 0; i < static_cast<int>(entries_.size()); ++i) {
    const Entry& e = entries_[i];
    ImGui::PushID(i);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    if (ImGui::Selectable("##e", selected_ == i, ImGuiSelectableFlags_AllowDoubleClick,
                          ImVec2(0, row_h))) {
      selected_ = i;
      if (!e.is_dir) std::snprintf(name_, sizeof name_, "%s", e.name.c_str());
      if (ImGui::IsMouseDoubleClicked(0) || e.is_dir) {
        if (e.is_dir) {
          ReadDir(dir_ / e.name);
          ImGui::PopID();
          break;
        }
        chosen = Choose(dir_ / e.name);
      }
    }
    const Glyph g = e.is_dir                            ? Glyph::kFolder
                    : purpose_ == Purpose::kImportImage ? Glyph::kPicture
                                                        : Glyph::kScoreFile;
    DrawGlyph(ImGui::GetWindowDrawList(), g, ImVec2(p.x + row_h * 0.5f, p.y + row_h * 0.5f),
              row_h * 0.75f, e.is_dir ? colors.accent : colors.icon);
    ImGui::GetWindowDrawList()->AddText(
        ImVec2(p.x + row_h + 8 * s, p.y + (row_h - ImGui::GetFontSize()) * 0.5f),
        ImGui::GetColorU32(ImGuiCol_Text), e.name.c_str());
    ImGui::PopID();
  }
  if (entries_.empty()) ImGui::TextDisabled("Nothing to show here.");
  ImGui::EndChild();

  // [SECTION] Name field and buttons
  if (!error_.empty())
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors.warning), "%s", error_.c_str());
  else
    ImGui::TextDisabled("%s", purpose_ == Purpose::kSaveScore
                                  ? "Type a name, then press Enter."
                                  : "Pick a file, or type its name or full path.");
  ImGui::SetNextItemWidth(-b * 2 - 20 * s);
  if (just_opened_) ImGui::SetKeyboardFocusHere();
  const bool enter =
      ImGui::InputText("##name", name_, sizeof name_, ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  r = IconButton("##ok", b, true, purpose_ == Purpose::kSaveScore ? "Save" : "Open", nullptr,
                 colors, ui);
  DrawGlyph(dl, Glyph::kCheck, r.center, r.icon_size, r.color);
  if ((enter || r.pressed) && !chosen) chosen = Choose(fs::path(name_));
  ImGui::SameLine();
  r = IconButton("##cancel", b, false, "Cancel", nullptr, colors, ui);
  DrawGlyph(dl, Glyph::kCross, r.center, r.icon_size, r.color);
  if (r.pressed || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) open_ = false;
  just_opened_ = false;
  if (!open_ || !keep_open) {
    open_ = false;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
  return chosen;
}

}  // namespace graphony::editor
