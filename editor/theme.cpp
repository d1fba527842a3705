// Calm palettes for the editor: soft dark, warm paper light, and a black/yellow high contrast.
#include "theme.h"

namespace graphony::editor {

namespace {

ImVec4 Rgb(int r, int g, int b, float a = 1.f) {
  return ImVec4(r / 255.f, g / 255.f, b / 255.f, a);
}
ImU32 U32(int r, int g, int b, int a = 255) { return IM_COL32(r, g, b, a); }

void Rounded(ImGuiStyle& s) {
  s.WindowRounding = 6;
  s.FrameRounding = 6;
  s.GrabRounding = 6;
  s.PopupRounding = 6;
  s.ScrollbarRounding = 6;
  s.ChildRounding = 6;
  s.WindowPadding = ImVec2(10, 10);
  s.FramePadding = ImVec2(10, 7);
  s.ItemSpacing = ImVec2(10, 8);
  s.ItemInnerSpacing = ImVec2(8, 6);
  s.ScrollbarSize = 18;
  s.GrabMinSize = 18;
  s.WindowBorderSize = 0;
  s.FrameBorderSize = 0;
}

}  // namespace

CanvasColors ApplyTheme(ThemeKind kind, float ui_scale) {
  ImGuiStyle& style = ImGui::GetStyle();
  style = ImGuiStyle();
  Rounded(style);
  CanvasColors c{};
  switch (kind) {
    case ThemeKind::kDark: {
      ImGui::StyleColorsDark(&style);
      ImVec4* col = style.Colors;
      col[ImGuiCol_WindowBg] = Rgb(34, 38, 46);
      col[ImGuiCol_ChildBg] = Rgb(34, 38, 46);
      col[ImGuiCol_PopupBg] = Rgb(40, 45, 54);
      col[ImGuiCol_MenuBarBg] = Rgb(28, 31, 38);
      col[ImGuiCol_FrameBg] = Rgb(48, 54, 66);
      col[ImGuiCol_FrameBgHovered] = Rgb(60, 68, 84);
      col[ImGuiCol_FrameBgActive] = Rgb(70, 80, 98);
      col[ImGuiCol_Button] = Rgb(52, 60, 74);
      col[ImGuiCol_ButtonHovered] = Rgb(72, 96, 120);
      col[ImGuiCol_ButtonActive] = Rgb(86, 120, 150);
      col[ImGuiCol_Header] = Rgb(60, 82, 104);
      col[ImGuiCol_HeaderHovered] = Rgb(72, 96, 120);
      col[ImGuiCol_HeaderActive] = Rgb(86, 120, 150);
      col[ImGuiCol_SliderGrab] = Rgb(120, 170, 210);
      col[ImGuiCol_SliderGrabActive] = Rgb(150, 200, 235);
      col[ImGuiCol_CheckMark] = Rgb(150, 200, 235);
      col[ImGuiCol_Text] = Rgb(226, 230, 236);
      col[ImGuiCol_TextDisabled] = Rgb(140, 148, 160);
      col[ImGuiCol_TitleBgActive] = Rgb(44, 52, 64);
      c = {U32(24, 27, 33),        U32(18, 20, 25),        U32(30, 35, 44),
           U32(27, 31, 39),        U32(40, 52, 66),        U32(255, 255, 255, 28),
           U32(255, 255, 255, 16), U32(255, 255, 255, 46), U32(28, 31, 38),
           U32(200, 208, 220),     U32(150, 160, 175),     U32(170, 182, 200),
           U32(120, 200, 255),     U32(255, 210, 90),      U32(214, 222, 232),
           U32(255, 255, 255),     U32(120, 190, 240),     U32(255, 140, 110),
           Rgb(18, 20, 25)};
      break;
    }
    case ThemeKind::kLight: {
      ImGui::StyleColorsLight(&style);
      ImVec4* col = style.Colors;
      col[ImGuiCol_WindowBg] = Rgb(246, 242, 234);
      col[ImGuiCol_ChildBg] = Rgb(246, 242, 234);
      col[ImGuiCol_PopupBg] = Rgb(252, 249, 243);
      col[ImGuiCol_MenuBarBg] = Rgb(236, 230, 219);
      col[ImGuiCol_FrameBg] = Rgb(232, 225, 212);
      col[ImGuiCol_FrameBgHovered] = Rgb(222, 212, 195);
      col[ImGuiCol_Button] = Rgb(230, 222, 208);
      col[ImGuiCol_ButtonHovered] = Rgb(205, 222, 235);
      col[ImGuiCol_ButtonActive] = Rgb(180, 205, 228);
      col[ImGuiCol_Header] = Rgb(205, 222, 235);
      col[ImGuiCol_HeaderHovered] = Rgb(190, 212, 230);
      col[ImGuiCol_HeaderActive] = Rgb(180, 205, 228);
      col[ImGuiCol_SliderGrab] = Rgb(70, 120, 170);
      col[ImGuiCol_Text] = Rgb(40, 40, 44);
      c = {U32(252, 250, 245), U32(232, 227, 218), U32(246, 241, 232), U32(250, 247, 240),
           U32(234, 240, 246), U32(0, 0, 0, 26),   U32(0, 0, 0, 14),   U32(0, 0, 0, 44),
           U32(236, 230, 219), U32(60, 60, 66),    U32(120, 116, 110), U32(110, 104, 96),
           U32(30, 120, 200),  U32(220, 140, 20),  U32(60, 62, 70),    U32(20, 20, 24),
           U32(40, 120, 190),  U32(200, 70, 40),   Rgb(232, 227, 218)};
      break;
    }
    case ThemeKind::kHighContrast: {
      ImGui::StyleColorsDark(&style);
      ImVec4* col = style.Colors;
      col[ImGuiCol_WindowBg] = Rgb(0, 0, 0);
      col[ImGuiCol_ChildBg] = Rgb(0, 0, 0);
      col[ImGuiCol_PopupBg] = Rgb(0, 0, 0);
      col[ImGuiCol_MenuBarBg] = Rgb(0, 0, 0);
      col[ImGuiCol_Border] = Rgb(255, 255, 255);
      col[ImGuiCol_FrameBg] = Rgb(0, 0, 0);
      col[ImGuiCol_FrameBgHovered] = Rgb(60, 60, 0);
      col[ImGuiCol_Button] = Rgb(0, 0, 0);
      col[ImGuiCol_ButtonHovered] = Rgb(90, 90, 0);
      col[ImGuiCol_ButtonActive] = Rgb(140, 140, 0);
      col[ImGuiCol_Header] = Rgb(90, 90, 0);
      col[ImGuiCol_HeaderHovered] = Rgb(120, 120, 0);
      col[ImGuiCol_SliderGrab] = Rgb(255, 255, 0);
      col[ImGuiCol_CheckMark] = Rgb(255, 255, 0);
      col[ImGuiCol_Text] = Rgb(255, 255, 255);
      style.FrameBorderSize = 2;
      style.WindowBorderSize = 2;
      c = {U32(0, 0, 0),
           U32(25, 25, 25),
           U32(0, 0, 0),
           U32(20, 20, 20),
           U32(40, 40, 0),
           U32(255, 255, 255, 90),
           U32(255, 255, 255, 50),
           U32(255, 255, 255, 140),
           U32(0, 0, 0),
           U32(255, 255, 255),
           U32(255, 255, 0),
           U32(255, 255, 255),
           U32(0, 255, 255),
           U32(255, 255, 0),
           U32(255, 255, 255),
           U32(255, 255, 0),
           U32(255, 255, 0),
           U32(255, 80, 80),
           Rgb(0, 0, 0)};
      break;
    }
  }
  style.ScaleAllSizes(ui_scale);
  return c;
}

}  // namespace graphony::editor
