// CourseView: the course's sessions top to bottom, each a wrapped row of thumbnail tiles.
#include "view_course.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <system_error>

#include "edit_helpers.h"
#include "icons.h"
#include "imgui.h"
#include "layout_report.h"
#include "text/ui_text.h"
#include "word_button.h"

namespace graphony::editor {

namespace fs = std::filesystem;

void CourseView::Open(const fs::path& dir, const LibraryJail* jail) {
  course_ = LoadCourse(dir);  // first: a bad course.json changes nothing here
  jail_ = jail;
  dir_ = dir;
  open_ = true;
  Refresh();
}

void CourseView::Refresh() {
  rows_.clear();
  if (dir_.empty()) return;
  std::vector<Session> sessions;
  try {
    course_ = LoadCourse(dir_);
    sessions = ListSessions(dir_);
  } catch (const std::exception&) {
    return;  // changed under us since Open: the rows stay empty until it reads again
  }
  thumbnails_.CancelPending();
  for (const Session& s : sessions) {
    Row row{s.date, s.dir, {}};
    auto add = [&](const fs::path& file, bool score) {
      if (jail_ && !jail_->Shows(file)) return;  // kiosk: no symlink out of the library
      row.tiles.push_back({file, file.stem().string(), score, KeyOf(file)});
    };
    for (const fs::path& f : s.scores) add(f, true);
    for (const fs::path& f : s.pictures) add(f, false);
    rows_.push_back(std::move(row));
  }
}

void CourseView::WriteStatus(UiState& ui, int drawn) const {
  size_t tiles = 0;
  for (const Row& r : rows_) tiles += r.tiles.size();
  std::snprintf(ui.course_status, sizeof ui.course_status,
                "course.open=%d\ncourse.dir=%.400s\ncourse.sessions=%zu\ncourse.tiles=%zu\n"
                "course.thumbnails=%d\n",
                open_ ? 1 : 0, dir_.c_str(), rows_.size(), tiles, drawn);
}

CourseAction CourseView::Draw(UiState& ui, const CanvasColors& colors, float y0, float h) {
  CourseAction action;
  if (!open_) {
    WriteStatus(ui, 0);
    return action;
  }
  thumbnails_.Upload();
  const ImGuiIO& io = ImGui::GetIO();
  const float s = ui.settings.ui_scale;
  const float b = std::max(48.f, std::round(52 * s));  // every target a finger can find
  ImGui::SetNextWindowPos(ImVec2(0, y0));
  ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x, h));
  int drawn = 0;
  if (ImGui::Begin("##course", nullptr,
                   ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                       ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                       ImGuiWindowFlags_NoSavedSettings)) {
    // [SECTION] The course: its title, theme and site; the booklet; back to the score
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    DrawGlyph(dl, Glyph::kCalendar, ImVec2(p.x + b * 0.5f, p.y + b * 0.5f), b * 0.7f,
              colors.accent);
    ImGui::Dummy(ImVec2(b, b));
    ImGui::SameLine();
    ImGui::BeginGroup();
    ImGui::TextUnformatted(text::Visual(course_.title.c_str()));
    std::string about = course_.theme;
    if (!course_.site.empty()) about += (about.empty() ? "" : "  -  ") + course_.site;
    ImGui::TextDisabled("%s", text::Visual(about.c_str()));
    ImGui::EndGroup();
    ImGui::SameLine(0, std::round(24 * s));
    if (WordButton("##portfolio", Glyph::kBook, _("Portfolio booklet"), b, colors.accent, ui,
                   "course.portfolio"))
      action.kind = CourseAction::Kind::kPortfolio;
    ImGui::SameLine();
    if (WordButton("##close", Glyph::kCross, _("Back to the score"), b, colors.icon, ui,
                   "course.close"))
      action.kind = CourseAction::Kind::kClose;
    ImGui::Separator();

    // [SECTION] The sessions: the date and a new-score button, then the tiles, wrapped
    ImGui::BeginChild("##sessions", ImVec2(0, 0), false);
    const float left_w =
        std::max(std::round(230 * s), ImGui::CalcTextSize(_("New score here")).x + b + 24 * s);
    const float tile_w = std::round(168 * s), thumb_h = std::round(120 * s);
    const float tile_h = thumb_h + ImGui::GetTextLineHeightWithSpacing();
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    for (size_t i = 0; i < rows_.size(); ++i) {
      Row& row = rows_[i];
      ImGui::PushID(static_cast<int>(i));
      ImGui::BeginGroup();
      const ImVec2 q = ImGui::GetCursorScreenPos();
      DrawGlyph(ImGui::GetWindowDrawList(), Glyph::kCalendar,
                ImVec2(q.x + b * 0.35f, q.y + ImGui::GetFontSize() * 0.6f), b * 0.45f, colors.icon);
      ImGui::SetCursorScreenPos(ImVec2(q.x + b * 0.75f, q.y));
      ImGui::TextUnformatted(row.date.c_str());
      char name[40];
      std::snprintf(name, sizeof name, "course.new.%d", static_cast<int>(i));
      if (WordButton("##new", Glyph::kPlus, _("New score here"), b, colors.accent, ui, name,
                     left_w - gap)) {
        action.kind = CourseAction::Kind::kNewScore;
        action.path = row.dir;
      }
      ImGui::Dummy(ImVec2(left_w, 1));
      ImGui::EndGroup();
      ImGui::SameLine();
      ImGui::BeginGroup();
      const float x_end = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
      if (row.tiles.empty()) ImGui::TextDisabled("%s", _("Nothing here yet."));
      for (size_t j = 0; j < row.tiles.size(); ++j) {
        Tile& tile = row.tiles[j];
        if (j > 0) {  // wraps rather than running off the window
          ImGui::SameLine();
          if (ImGui::GetCursorScreenPos().x + tile_w > x_end) ImGui::NewLine();
        }
        ImGui::PushID(static_cast<int>(j));
        const ImVec2 t = ImGui::GetCursorScreenPos();
        const bool clicked = ImGui::InvisibleButton("##tile", ImVec2(tile_w, tile_h));
        const bool hovered = ImGui::IsItemHovered();
        if (i < 8 && j < 8) {
          std::snprintf(name, sizeof name, "course.tile.%d.%d", static_cast<int>(i),
                        static_cast<int>(j));
          MarkLastItem(ui, name);
        }
        if (clicked && tile.score) {
          action.kind = CourseAction::Kind::kOpenScore;
          action.path = tile.path;
        }
        if (hovered && tile.score) ui.hint = _("Click to open this score.");
        ImDrawList* tdl = ImGui::GetWindowDrawList();
        const ImVec2 box0(t.x, t.y), box1(t.x + tile_w, t.y + thumb_h);
        tdl->AddRectFilled(box0, box1, colors.icon & 0x20FFFFFF, 6 * s);
        if (hovered && tile.score) tdl->AddRect(box0, box1, colors.accent, 6 * s, 0, 3 * s);
        if (const sf::Texture* tex = thumbnails_.Get(tile.key)) {
          ++drawn;
          // Fitted in its box with its own shape (never stretched).
          const float tw = static_cast<float>(tex->getSize().x),
                      th = static_cast<float>(tex->getSize().y);
          const float k = std::min((tile_w - 8 * s) / tw, (thumb_h - 8 * s) / th);
          const ImVec2 c((box0.x + box1.x) * 0.5f, (box0.y + box1.y) * 0.5f);
          tdl->AddImage(
              reinterpret_cast<ImTextureID>(static_cast<intptr_t>(tex->getNativeHandle())),
              ImVec2(c.x - tw * k * 0.5f, c.y - th * k * 0.5f),
              ImVec2(c.x + tw * k * 0.5f, c.y + th * k * 0.5f));
        } else {
          DrawGlyph(tdl, tile.score ? Glyph::kScoreFile : Glyph::kPicture,
                    ImVec2((box0.x + box1.x) * 0.5f, (box0.y + box1.y) * 0.5f), thumb_h * 0.5f,
                    colors.icon);
        }
        // Which tiles are scores, for those who do not read: a score badge in the corner.
        const float badge = std::round(26 * s);
        tdl->AddCircleFilled(ImVec2(box1.x - badge * 0.6f, box0.y + badge * 0.6f), badge * 0.62f,
                             ImGui::GetColorU32(ImGuiCol_WindowBg));  // seen on any picture
        DrawGlyph(tdl, tile.score ? Glyph::kScoreFile : Glyph::kPicture,
                  ImVec2(box1.x - badge * 0.6f, box0.y + badge * 0.6f), badge,
                  tile.score ? colors.accent : colors.icon);
        tdl->PushClipRect(ImVec2(t.x, box1.y), ImVec2(t.x + tile_w, t.y + tile_h), true);
        tdl->AddText(ImVec2(t.x + 2 * s, box1.y + 2 * s), ImGui::GetColorU32(ImGuiCol_Text),
                     tile.label.c_str());
        tdl->PopClipRect();
        ImGui::PopID();
      }
      ImGui::EndGroup();
      ImGui::Separator();
      ImGui::PopID();
    }
    if (rows_.empty()) ImGui::TextDisabled("%s", _("Nothing here yet."));
    ImGui::EndChild();
    ReportWindow(ui, "course", false);
  }
  ImGui::End();
  WriteStatus(ui, drawn);
  return action;
}

}  // namespace graphony::editor
