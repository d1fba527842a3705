// PinPad: a modal with a 3x4 grid of digit buttons; the digit keys and Enter work too.
#include "view_pin_pad.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstring>

#include "edit_helpers.h"
#include "icons.h"
#include "imgui.h"
#include "logic/kiosk_pin.h"
#include "text/ui_text.h"
#include "theme.h"

namespace graphony::editor {

void PinPad::Ask(Guarded why) {
  why_ = why;
  open_ = true;
  just_opened_ = true;
  count_ = 0;
  digits_[0] = '\0';
  wrong_shown_ = false;
  setting_ = 0;
  problem_ = nullptr;
}

void PinPad::AskNew(Guarded why) {
  Ask(why);
  setting_ = 1;
  first_hash_.clear();
  new_hash_.clear();
}

void PinPad::Press(char digit) {
  wrong_shown_ = false;
  problem_ = nullptr;
  if (count_ >= static_cast<int>(kPinMaxDigits)) return;
  digits_[count_++] = digit;
  digits_[count_] = '\0';
}

Guarded PinPad::Draw(UiState& ui, const CanvasColors& colors, const std::string& hash) {
  if (!open_) return Guarded::kNone;
  const ImGuiIO& io = ImGui::GetIO();
  const float s = ui.settings.ui_scale;
  // Big targets: at least 44 px (WCAG), larger with the UI size and never off the screen.
  const float b =
      std::max(kMinTouchTarget, std::min(std::round(76 * s), (io.DisplaySize.y - 160 * s) / 5.5f));
  const float gap = std::round(10 * s);
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f),
                          ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  if (just_opened_) ImGui::OpenPopup("###pinpad");
  just_opened_ = false;
  Guarded done = Guarded::kNone;
  if (!ImGui::BeginPopupModal(text::WithId(_("Facilitator PIN"), "###pinpad"), nullptr,
                              ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove |
                                  ImGuiWindowFlags_NoTitleBar)) {
    open_ = false;
    return done;
  }
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float grid_w = 3 * b + 2 * gap;
  // [SECTION] The lock and one dot per digit typed (or a red cross after a wrong PIN)
  {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float row = b * 0.8f;
    DrawGlyph(dl, wrong_shown_ ? Glyph::kCross : Glyph::kLock,
              ImVec2(p.x + row * 0.5f, p.y + row * 0.5f), row * 0.7f,
              wrong_shown_ ? colors.warning : colors.icon);
    const float r = std::round(9 * s), step = r * 3;
    const float x0 = p.x + row + r;
    for (int i = 0; i < std::max(count_, 4); ++i) {
      const ImVec2 c(x0 + i * step, p.y + row * 0.5f);
      if (i < count_)
        dl->AddCircleFilled(c, r, colors.accent);
      else
        dl->AddCircle(c, r, colors.icon, 0, std::max(1.5f, 2 * s));
    }
    ImGui::Dummy(ImVec2(grid_w, row));
  }
  const bool waiting = setting_ == 0 && ui.now < wait_until_;
  if (problem_) {
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors.warning), "%s", _(problem_));
  } else if (setting_ > 0) {
    ImGui::TextUnformatted(setting_ == 1 ? _("Choose a new PIN (4 to 12 digits).")
                                         : _("Type the same PIN again."));
  } else if (wrong_shown_ || waiting) {
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors.warning), "%s",
                       waiting ? _("Wrong PIN. Wait a moment.") : _("Wrong PIN."));
  } else {
    ImGui::TextDisabled("%s", _("Facilitator PIN"));
  }
  // [SECTION] Digits 1-9, then back, 0, OK
  static constexpr char kKeys[12] = {'1', '2', '3', '4', '5', '6', '7', '8', '9', '<', '0', '='};
  bool try_now = false, back = false;
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, gap));
  ImGui::BeginDisabled(waiting);
  for (int i = 0; i < 12; ++i) {
    if (i % 3) ImGui::SameLine();
    const char k = kKeys[i];
    ImGui::PushID(i);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const char label[2] = {k, '\0'};
    const bool is_digit = k >= '0' && k <= '9';
    const bool pressed = ImGui::Button("##k", ImVec2(b, b));
    char name[24] = "pin.digit.";
    std::strncat(name, label, 2);
    MarkLastItem(ui, is_digit ? name : (k == '<' ? "pin.back" : "pin.ok"));
    const ImVec2 c(p.x + b * 0.5f, p.y + b * 0.5f);
    if (is_digit) {  // the digit large, in the middle of its button
      const float size = std::round(b * 0.5f);
      const ImVec2 ext = ImGui::GetFont()->CalcTextSizeA(size, FLT_MAX, 0, label);
      dl->AddText(ImGui::GetFont(), size, ImVec2(c.x - ext.x * 0.5f, c.y - ext.y * 0.5f),
                  ImGui::GetColorU32(ImGuiCol_Text), label);
    }
    if (k == '=') DrawGlyph(dl, Glyph::kCheck, c, b * 0.55f, colors.accent);
    if (k == '<') {  // a back arrow: rub out the last digit
      const float w = b * 0.22f, t = std::max(2.f, b * 0.06f);
      dl->AddLine(ImVec2(c.x - w, c.y), ImVec2(c.x + w, c.y), colors.icon, t);
      dl->AddLine(ImVec2(c.x - w, c.y), ImVec2(c.x - w * 0.4f, c.y - w * 0.6f), colors.icon, t);
      dl->AddLine(ImVec2(c.x - w, c.y), ImVec2(c.x - w * 0.4f, c.y + w * 0.6f), colors.icon, t);
    }
    if (pressed) {
      if (is_digit) Press(k);
      back = back || k == '<';
      try_now = try_now || k == '=';
    }
    ImGui::PopID();
  }
  // The keyboard too (a facilitator with a keyboard): digits, Backspace, Enter.
  if (!waiting) {
    for (int i = 0; i < io.InputQueueCharacters.Size; ++i) {
      const ImWchar ch = io.InputQueueCharacters[i];
      if (ch >= '0' && ch <= '9') Press(static_cast<char>(ch));
    }
    back = back || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace));
    try_now = try_now || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) ||
              ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter));
  }
  ImGui::EndDisabled();
  // Going back without unlocking: a big cross across the whole width.
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const bool cancel = ImGui::Button("##pincancel", ImVec2(grid_w, b * 0.8f)) ||
                      ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
  MarkLastItem(ui, "pin.cancel");
  DrawGlyph(dl, Glyph::kCross, ImVec2(p.x + grid_w * 0.5f, p.y + b * 0.4f), b * 0.45f, colors.icon);
  ImGui::PopStyleVar();
  if (back && count_ > 0) digits_[--count_] = '\0';
  if (try_now && count_ > 0 && setting_ == 1) {
    if (!PinProblem(digits_).empty()) {
      problem_ = N_("A PIN has 4 to 12 digits.");
    } else {
      first_hash_ = HashPin(digits_);  // only its hash waits for the second entry
      setting_ = 2;
    }
    std::memset(digits_, 0, sizeof digits_);
    count_ = 0;
  } else if (try_now && count_ > 0 && setting_ == 2) {
    if (VerifyPin(first_hash_, digits_)) {
      new_hash_ = HashPin(digits_);  // a fresh salt: the first entry's hash is not reused
      done = why_;
      open_ = false;
      setting_ = 0;
    } else {
      problem_ = N_("The two PINs were not the same. Choose one again.");
      setting_ = 1;
    }
    first_hash_.clear();
    std::memset(digits_, 0, sizeof digits_);
    count_ = 0;
  } else if (try_now && count_ > 0) {
    if (VerifyPin(hash, digits_)) {
      done = why_;
      failures_ = 0;
      open_ = false;
    } else {
      ++failures_;
      wrong_shown_ = true;
      // Guessing is slowed down: from the fourth wrong try, 5 s more each time.
      if (failures_ >= 3) wait_until_ = ui.now + 5.0 * (failures_ - 2);
    }
    std::memset(digits_, 0, sizeof digits_);  // the typed PIN is not kept
    count_ = 0;
  }
  if (cancel) {
    std::memset(digits_, 0, sizeof digits_);
    count_ = 0;
    open_ = false;
    setting_ = 0;
    first_hash_.clear();
  }
  if (!open_) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
  return done;
}

}  // namespace graphony::editor
