// Hand-drawn vector icons; sizes are relative to `s` so they scale with the UI.
#include "icons.h"

#include <algorithm>
#include <cmath>

namespace graphony::editor {

namespace {

constexpr float kPi = 3.14159265f;

ImVec2 P(ImVec2 c, float s, float x, float y) { return ImVec2(c.x + x * s, c.y + y * s); }

// ImGui 1.86 has no ellipse primitive.
void EllipseFilled(ImDrawList* dl, ImVec2 c, float rx, float ry, ImU32 col, float rot = 0) {
  constexpr int kN = 20;
  ImVec2 pts[kN];
  const float cr = std::cos(rot), sr = std::sin(rot);
  for (int i = 0; i < kN; ++i) {
    const float a = 2 * kPi * i / kN;
    const float x = rx * std::cos(a), y = ry * std::sin(a);
    pts[i] = ImVec2(c.x + x * cr - y * sr, c.y + x * sr + y * cr);
  }
  dl->AddConvexPolyFilled(pts, kN, col);
}

void Wave(ImDrawList* dl, ImVec2 c, float s, float amp, float cycles, ImU32 col, float th) {
  constexpr int kN = 24;
  ImVec2 pts[kN + 1];
  for (int i = 0; i <= kN; ++i) {
    const float t = static_cast<float>(i) / kN;
    pts[i] = P(c, s, -0.4f + 0.8f * t, -amp * std::sin(t * cycles * 2 * kPi));
  }
  dl->AddPolyline(pts, kN + 1, col, 0, th);
}

}  // namespace

void DrawToolIcon(ImDrawList* dl, Tool tool, ImVec2 c, float s, ImU32 col) {
  const float th = std::max(1.5f, s * 0.07f);
  switch (tool) {
    case Tool::kBrush:
      // A brush: handle to the top right, ferrule, and a soft tip with a painted swoosh.
      dl->AddLine(P(c, s, 0.38f, -0.38f), P(c, s, 0.02f, -0.02f), col, th * 1.6f);
      dl->AddQuadFilled(P(c, s, 0.02f, -0.12f), P(c, s, 0.12f, -0.02f), P(c, s, -0.06f, 0.16f),
                        P(c, s, -0.16f, 0.06f), col);
      dl->AddTriangleFilled(P(c, s, -0.16f, 0.06f), P(c, s, -0.06f, 0.16f), P(c, s, -0.3f, 0.3f),
                            col);
      dl->AddBezierCubic(P(c, s, -0.42f, 0.42f), P(c, s, -0.2f, 0.5f), P(c, s, 0.1f, 0.3f),
                         P(c, s, 0.4f, 0.42f), col, th);
      break;
    case Tool::kLine:
      dl->AddLine(P(c, s, -0.36f, 0.36f), P(c, s, 0.36f, -0.36f), col, th * 1.4f);
      dl->AddCircleFilled(P(c, s, -0.36f, 0.36f), s * 0.08f, col);
      dl->AddCircleFilled(P(c, s, 0.36f, -0.36f), s * 0.08f, col);
      break;
    case Tool::kDot:
      dl->AddCircleFilled(c, s * 0.2f, col);
      dl->AddCircleFilled(P(c, s, -0.3f, -0.28f), s * 0.07f, col);
      dl->AddCircleFilled(P(c, s, 0.32f, 0.26f), s * 0.09f, col);
      break;
    case Tool::kEraser: {
      // A tilted eraser block with a lighter tip and a dashed trail.
      const ImVec2 a = P(c, s, -0.05f, -0.38f), b = P(c, s, 0.38f, 0.02f);
      const ImVec2 d = P(c, s, 0.05f, 0.32f), e = P(c, s, -0.38f, -0.08f);
      dl->AddQuad(a, b, d, e, col, th);
      dl->AddQuadFilled(P(c, s, -0.17f, 0.05f), P(c, s, -0.05f, -0.03f), d, e, col);
      dl->AddLine(P(c, s, -0.42f, 0.42f), P(c, s, -0.12f, 0.42f), col, th);
      dl->AddLine(P(c, s, 0.0f, 0.42f), P(c, s, 0.14f, 0.42f), col, th);
      break;
    }
    case Tool::kSelect:
      // Arrow pointer with a dashed selection box behind it.
      for (int i = 0; i < 4; ++i) {
        const float t0 = -0.42f + i * 0.22f;
        dl->AddLine(P(c, s, t0, -0.42f), P(c, s, t0 + 0.11f, -0.42f), col, th * 0.7f);
        dl->AddLine(P(c, s, -0.42f, t0), P(c, s, -0.42f, t0 + 0.11f), col, th * 0.7f);
      }
      {
        const ImVec2 pts[] = {P(c, s, -0.22f, -0.24f), P(c, s, 0.3f, 0.1f),  P(c, s, 0.06f, 0.12f),
                              P(c, s, 0.2f, 0.4f),     P(c, s, 0.1f, 0.44f), P(c, s, -0.04f, 0.17f),
                              P(c, s, -0.22f, 0.32f)};
        dl->AddConvexPolyFilled(pts, 3, col);
        dl->AddPolyline(pts, 7, col, ImDrawFlags_Closed, th);
        dl->AddTriangleFilled(pts[0], pts[2], pts[6], col);
      }
      break;
  }
}

void DrawCommandIcon(ImDrawList* dl, AppCommand cmd, ImVec2 c, float s, ImU32 col) {
  const float th = std::max(1.5f, s * 0.07f);
  switch (cmd) {
    case AppCommand::kNew:
      dl->AddRect(P(c, s, -0.28f, -0.38f), P(c, s, 0.28f, 0.38f), col, s * 0.05f, 0, th);
      dl->AddLine(P(c, s, -0.12f, 0), P(c, s, 0.12f, 0), col, th);
      dl->AddLine(P(c, s, 0, -0.12f), P(c, s, 0, 0.12f), col, th);
      break;
    case AppCommand::kOpen:
      DrawGlyph(dl, Glyph::kFolder, c, s, col);
      break;
    case AppCommand::kSave:
    case AppCommand::kSaveAs:
      // A floppy-free "keep" icon: a tray with an arrow going down into it.
      dl->AddLine(P(c, s, 0, -0.4f), P(c, s, 0, 0.1f), col, th * 1.3f);
      dl->AddTriangleFilled(P(c, s, -0.2f, -0.02f), P(c, s, 0.2f, -0.02f), P(c, s, 0, 0.2f), col);
      dl->AddLine(P(c, s, -0.38f, 0.12f), P(c, s, -0.38f, 0.38f), col, th);
      dl->AddLine(P(c, s, -0.38f, 0.38f), P(c, s, 0.38f, 0.38f), col, th);
      dl->AddLine(P(c, s, 0.38f, 0.38f), P(c, s, 0.38f, 0.12f), col, th);
      if (cmd == AppCommand::kSaveAs) dl->AddCircleFilled(P(c, s, 0.34f, -0.3f), s * 0.09f, col);
      break;
    case AppCommand::kUndo:
    case AppCommand::kRedo: {
      const float dir = cmd == AppCommand::kUndo ? 1.f : -1.f;
      dl->PathArcTo(c, s * 0.28f, kPi * (dir > 0 ? 1.25f : -0.25f), kPi * (dir > 0 ? 2.5f : -1.5f),
                    20);
      dl->PathStroke(col, 0, th * 1.2f);
      const ImVec2 tip = P(c, s, -0.2f * dir, -0.2f);
      dl->AddTriangleFilled(P(c, s, -0.36f * dir, -0.3f), P(c, s, -0.1f * dir, -0.38f),
                            P(c, s, -0.2f * dir, -0.06f), col);
      (void)tip;
      break;
    }
    case AppCommand::kImportImage:
      DrawGlyph(dl, Glyph::kPicture, c, s, col);
      dl->AddCircleFilled(P(c, s, 0.34f, -0.34f), s * 0.15f, col);
      dl->AddLine(P(c, s, 0.26f, -0.34f), P(c, s, 0.42f, -0.34f), IM_COL32(0, 0, 0, 200), th);
      dl->AddLine(P(c, s, 0.34f, -0.42f), P(c, s, 0.34f, -0.26f), IM_COL32(0, 0, 0, 200), th);
      break;
    case AppCommand::kFit:
      for (int i = 0; i < 4; ++i) {
        const float sx = (i & 1) ? 1.f : -1.f, sy = (i & 2) ? 1.f : -1.f;
        dl->AddLine(P(c, s, 0.38f * sx, 0.38f * sy), P(c, s, 0.14f * sx, 0.38f * sy), col, th);
        dl->AddLine(P(c, s, 0.38f * sx, 0.38f * sy), P(c, s, 0.38f * sx, 0.14f * sy), col, th);
      }
      dl->AddRectFilled(P(c, s, -0.16f, -0.12f), P(c, s, 0.16f, 0.12f), col, s * 0.03f);
      break;
    case AppCommand::kZoomIn:
    case AppCommand::kZoomOut:
      dl->AddCircle(P(c, s, -0.08f, -0.08f), s * 0.26f, col, 24, th);
      dl->AddLine(P(c, s, 0.12f, 0.12f), P(c, s, 0.4f, 0.4f), col, th * 1.6f);
      dl->AddLine(P(c, s, -0.2f, -0.08f), P(c, s, 0.04f, -0.08f), col, th);
      if (cmd == AppCommand::kZoomIn)
        dl->AddLine(P(c, s, -0.08f, -0.2f), P(c, s, -0.08f, 0.04f), col, th);
      break;
    case AppCommand::kDeleteSelection:
      DrawGlyph(dl, Glyph::kTrash, c, s, col);
      break;
    case AppCommand::kAddDrawingLayer:
      dl->AddRect(P(c, s, -0.34f, -0.2f), P(c, s, 0.2f, 0.3f), col, s * 0.05f, 0, th);
      dl->AddLine(P(c, s, 0.3f, -0.42f), P(c, s, 0.3f, -0.1f), col, th);
      dl->AddLine(P(c, s, 0.14f, -0.26f), P(c, s, 0.46f, -0.26f), col, th);
      break;
    case AppCommand::kQuit:
      DrawGlyph(dl, Glyph::kCross, c, s, col);
      break;
    case AppCommand::kToggleParticipant:
      // A person in front of a big canvas: "hand it over".
      dl->AddRect(P(c, s, -0.42f, -0.36f), P(c, s, 0.42f, 0.22f), col, s * 0.05f, 0, th);
      DrawGlyph(dl, Glyph::kPerson, P(c, s, 0, 0.2f), s * 0.55f, col);
      break;
    case AppCommand::kSeek:
    case AppCommand::kSetLoop:
    case AppCommand::kScrub:
    case AppCommand::kScrubEnd:
    case AppCommand::kScrollTo:
    case AppCommand::kTogglePerformance:
    case AppCommand::kShowPeople:
    case AppCommand::kImportPeople:
    case AppCommand::kOpenCourse:
    case AppCommand::kShowCourse:
    case AppCommand::kPortfolio:
    case AppCommand::kKioskSetup:
      break;  // sent by the ruler, the sound code and the panels; never a toolbar button
  }
}

void DrawInstrumentIcon(ImDrawList* dl, std::string_view inst, ImVec2 c, float s, ImU32 col) {
  const graphony::InstrumentTraits* traits = graphony::FindInstrument(inst);
  DrawInstrumentIcon(dl, traits ? traits->icon : graphony::InstrumentIcon::kNote, c, s, col);
}

void DrawInstrumentIcon(ImDrawList* dl, graphony::InstrumentIcon icon, ImVec2 c, float s,
                        ImU32 col) {
  using graphony::InstrumentIcon;
  const float th = std::max(1.5f, s * 0.08f);
  if (icon == InstrumentIcon::kWave) {
    Wave(dl, c, s, 0.22f, 1.f, col, th);
  } else if (icon == InstrumentIcon::kCloud) {
    // A cloud: soft, sustained.
    dl->AddCircleFilled(P(c, s, -0.18f, 0.06f), s * 0.17f, col);
    dl->AddCircleFilled(P(c, s, 0.04f, -0.06f), s * 0.22f, col);
    dl->AddCircleFilled(P(c, s, 0.24f, 0.08f), s * 0.15f, col);
    dl->AddRectFilled(P(c, s, -0.18f, 0.06f), P(c, s, 0.24f, 0.23f), col);
  } else if (icon == InstrumentIcon::kGuitar) {
    // A small guitar: round body, sound hole, neck.
    dl->AddCircleFilled(P(c, s, -0.12f, 0.14f), s * 0.24f, col);
    dl->AddCircleFilled(P(c, s, -0.12f, 0.14f), s * 0.08f, IM_COL32(0, 0, 0, 160));
    dl->AddLine(P(c, s, 0.0f, 0.0f), P(c, s, 0.38f, -0.38f), col, th * 1.5f);
  } else if (icon == InstrumentIcon::kBars) {
    for (int i = 0; i < 4; ++i) {
      const float x = -0.33f + i * 0.22f, h = 0.42f - i * 0.08f;
      dl->AddRectFilled(P(c, s, x - 0.07f, -h), P(c, s, x + 0.07f, h * 0.7f), col, s * 0.03f);
    }
  } else if (icon == InstrumentIcon::kFlute) {
    dl->AddLine(P(c, s, -0.42f, 0.26f), P(c, s, 0.42f, -0.26f), col, s * 0.16f);
    for (int i = 0; i < 3; ++i) {
      const float t = -0.1f + i * 0.18f;
      dl->AddCircleFilled(P(c, s, t, -t * 0.62f), s * 0.035f, IM_COL32(0, 0, 0, 170));
    }
  } else if (icon == InstrumentIcon::kBell) {
    const ImVec2 pts[] = {P(c, s, -0.1f, -0.34f), P(c, s, 0.1f, -0.34f), P(c, s, 0.2f, -0.1f),
                          P(c, s, 0.24f, 0.2f),   P(c, s, 0.36f, 0.28f), P(c, s, -0.36f, 0.28f),
                          P(c, s, -0.24f, 0.2f),  P(c, s, -0.2f, -0.1f)};
    dl->AddConvexPolyFilled(pts, 8, col);
    dl->AddCircleFilled(P(c, s, 0, 0.38f), s * 0.08f, col);
    dl->AddCircleFilled(P(c, s, 0, -0.4f), s * 0.06f, col);
  } else if (icon == InstrumentIcon::kLowWave) {
    // Big, low wave.
    Wave(dl, P(c, s, 0, 0.05f), s, 0.3f, 0.5f, col, th * 1.8f);
    dl->AddLine(P(c, s, -0.42f, 0.38f), P(c, s, 0.42f, 0.38f), col, th);
  } else if (icon == InstrumentIcon::kDrum) {
    EllipseFilled(dl, P(c, s, 0, -0.16f), s * 0.34f, s * 0.12f, col);
    dl->AddRect(P(c, s, -0.34f, -0.16f), P(c, s, 0.34f, 0.28f), col, 0, 0, th);
    dl->AddLine(P(c, s, -0.34f, 0.28f), P(c, s, 0.34f, 0.28f), col, th);
    dl->AddLine(P(c, s, 0.1f, -0.5f), P(c, s, 0.34f, -0.3f), col, th);
  } else if (icon == InstrumentIcon::kMicrophone) {
    // A microphone: recorded sounds.
    dl->AddRectFilled(P(c, s, -0.12f, -0.42f), P(c, s, 0.12f, 0.06f), col, s * 0.12f);
    dl->PathArcTo(P(c, s, 0, -0.04f), s * 0.22f, 0, kPi, 12);
    dl->PathStroke(col, 0, th);
    dl->AddLine(P(c, s, 0, 0.18f), P(c, s, 0, 0.38f), col, th);
    dl->AddLine(P(c, s, -0.16f, 0.38f), P(c, s, 0.16f, 0.38f), col, th);
  } else if (icon == InstrumentIcon::kBowed) {
    // A violin-family body (two bouts), strings, and the bow across them.
    EllipseFilled(dl, P(c, s, 0, -0.14f), s * 0.17f, s * 0.15f, col);
    EllipseFilled(dl, P(c, s, 0, 0.16f), s * 0.22f, s * 0.19f, col);
    dl->AddLine(P(c, s, 0, -0.3f), P(c, s, 0, -0.5f), col, th * 1.4f);
    dl->AddLine(P(c, s, -0.42f, 0.1f), P(c, s, 0.42f, -0.18f), col, th);
  } else if (icon == InstrumentIcon::kKeys) {
    // Piano keys: white keys outlined, three black keys.
    for (int i = 0; i < 4; ++i) {
      const float x = -0.4f + i * 0.2f;
      dl->AddRect(P(c, s, x, -0.3f), P(c, s, x + 0.2f, 0.32f), col, 0, 0, th);
    }
    for (int i = 1; i < 4; ++i) {
      const float x = -0.4f + i * 0.2f;
      dl->AddRectFilled(P(c, s, x - 0.06f, -0.3f), P(c, s, x + 0.06f, 0.04f), col);
    }
  } else if (icon == InstrumentIcon::kBrass) {
    // A horn: tube and flared bell.
    dl->AddLine(P(c, s, -0.42f, 0.0f), P(c, s, 0.12f, 0.0f), col, th * 1.6f);
    const ImVec2 bell[] = {P(c, s, 0.1f, -0.06f), P(c, s, 0.42f, -0.3f), P(c, s, 0.42f, 0.3f),
                           P(c, s, 0.1f, 0.06f)};
    dl->AddConvexPolyFilled(bell, 4, col);
    dl->AddCircleFilled(P(c, s, -0.44f, 0.0f), s * 0.06f, col);
  } else if (icon == InstrumentIcon::kVoice) {
    // A singing mouth: an open "o" with sound lines.
    dl->AddCircle(P(c, s, -0.14f, 0), s * 0.2f, col, 16, th * 1.4f);
    for (int i = 0; i < 2; ++i) {
      dl->PathArcTo(P(c, s, -0.14f, 0), s * (0.34f + 0.12f * i), -0.6f, 0.6f, 8);
      dl->PathStroke(col, 0, th);
    }
  } else {
    // kNote (an instrument with no picture of its own): a plain note head and stem.
    EllipseFilled(dl, P(c, s, -0.08f, 0.22f), s * 0.16f, s * 0.12f, col, -0.4f);
    dl->AddLine(P(c, s, 0.07f, 0.2f), P(c, s, 0.07f, -0.38f), col, th);
  }
}

void DrawGlyph(ImDrawList* dl, Glyph g, ImVec2 c, float s, ImU32 col) {
  const float th = std::max(1.5f, s * 0.08f);
  switch (g) {
    case Glyph::kEye:
    case Glyph::kEyeClosed:
      dl->PathArcTo(P(c, s, 0, 0.35f), s * 0.55f, kPi * 1.22f, kPi * 1.78f, 14);
      dl->PathStroke(col, 0, th);
      dl->PathArcTo(P(c, s, 0, -0.35f), s * 0.55f, kPi * 0.22f, kPi * 0.78f, 14);
      dl->PathStroke(col, 0, th);
      if (g == Glyph::kEye)
        dl->AddCircleFilled(c, s * 0.13f, col);
      else
        dl->AddLine(P(c, s, -0.38f, 0.38f), P(c, s, 0.38f, -0.38f), col, th);
      break;
    case Glyph::kLock:
    case Glyph::kUnlock:
      dl->AddRectFilled(P(c, s, -0.28f, -0.04f), P(c, s, 0.28f, 0.38f), col, s * 0.05f);
      if (g == Glyph::kLock) {
        dl->PathArcTo(P(c, s, 0, -0.1f), s * 0.18f, kPi, 2 * kPi, 10);
      } else {
        dl->PathArcTo(P(c, s, 0.3f, -0.16f), s * 0.16f, kPi, 2 * kPi, 10);
      }
      dl->PathStroke(col, 0, th);
      if (g == Glyph::kLock) {
        dl->AddLine(P(c, s, -0.18f, -0.1f), P(c, s, -0.18f, -0.04f), col, th);
        dl->AddLine(P(c, s, 0.18f, -0.1f), P(c, s, 0.18f, -0.04f), col, th);
      }
      break;
    case Glyph::kSpeaker:
    case Glyph::kSpeakerMuted: {
      const ImVec2 pts[] = {P(c, s, -0.36f, -0.12f), P(c, s, -0.18f, -0.12f),
                            P(c, s, 0.04f, -0.34f),  P(c, s, 0.04f, 0.34f),
                            P(c, s, -0.18f, 0.12f),  P(c, s, -0.36f, 0.12f)};
      dl->AddConvexPolyFilled(pts, 6, col);
      if (g == Glyph::kSpeaker) {
        dl->PathArcTo(P(c, s, 0.04f, 0), s * 0.2f, -0.8f, 0.8f, 8);
        dl->PathStroke(col, 0, th);
        dl->PathArcTo(P(c, s, 0.04f, 0), s * 0.34f, -0.8f, 0.8f, 10);
        dl->PathStroke(col, 0, th);
      } else {
        dl->AddLine(P(c, s, 0.16f, -0.14f), P(c, s, 0.4f, 0.14f), col, th);
        dl->AddLine(P(c, s, 0.16f, 0.14f), P(c, s, 0.4f, -0.14f), col, th);
      }
      break;
    }
    case Glyph::kPerson:
      dl->AddCircleFilled(P(c, s, 0, -0.2f), s * 0.17f, col);
      dl->PathArcTo(P(c, s, 0, 0.42f), s * 0.34f, kPi, 2 * kPi, 14);
      dl->PathFillConvex(col);
      break;
    case Glyph::kPlus:
      dl->AddLine(P(c, s, -0.32f, 0), P(c, s, 0.32f, 0), col, th * 1.4f);
      dl->AddLine(P(c, s, 0, -0.32f), P(c, s, 0, 0.32f), col, th * 1.4f);
      break;
    case Glyph::kFolder:
      dl->AddRectFilled(P(c, s, -0.4f, -0.28f), P(c, s, -0.06f, -0.14f), col, s * 0.04f);
      dl->AddRectFilled(P(c, s, -0.4f, -0.18f), P(c, s, 0.4f, 0.32f), col, s * 0.05f);
      break;
    case Glyph::kPicture:
      dl->AddRect(P(c, s, -0.4f, -0.3f), P(c, s, 0.4f, 0.3f), col, s * 0.04f, 0, th);
      dl->AddTriangleFilled(P(c, s, -0.32f, 0.24f), P(c, s, -0.08f, -0.08f), P(c, s, 0.14f, 0.24f),
                            col);
      dl->AddTriangleFilled(P(c, s, 0.02f, 0.24f), P(c, s, 0.18f, 0.02f), P(c, s, 0.34f, 0.24f),
                            col);
      dl->AddCircleFilled(P(c, s, 0.2f, -0.14f), s * 0.07f, col);
      break;
    case Glyph::kScoreFile:
      dl->AddRect(P(c, s, -0.3f, -0.4f), P(c, s, 0.3f, 0.4f), col, s * 0.04f, 0, th);
      for (int i = 0; i < 3; ++i)
        dl->AddBezierQuadratic(P(c, s, -0.2f, -0.18f + i * 0.18f), P(c, s, 0, -0.3f + i * 0.18f),
                               P(c, s, 0.2f, -0.14f + i * 0.18f), col, th * 0.8f);
      break;
    case Glyph::kUp:
      dl->AddLine(P(c, s, 0, -0.36f), P(c, s, 0, 0.36f), col, th * 1.3f);
      dl->AddLine(P(c, s, 0, -0.36f), P(c, s, -0.24f, -0.1f), col, th * 1.3f);
      dl->AddLine(P(c, s, 0, -0.36f), P(c, s, 0.24f, -0.1f), col, th * 1.3f);
      break;
    case Glyph::kHome: {
      dl->AddTriangleFilled(P(c, s, -0.4f, -0.02f), P(c, s, 0, -0.4f), P(c, s, 0.4f, -0.02f), col);
      dl->AddRectFilled(P(c, s, -0.28f, -0.04f), P(c, s, 0.28f, 0.36f), col);
      dl->AddRectFilled(P(c, s, -0.07f, 0.12f), P(c, s, 0.07f, 0.36f), IM_COL32(0, 0, 0, 150));
      break;
    }
    case Glyph::kTrash:
      dl->AddLine(P(c, s, -0.36f, -0.26f), P(c, s, 0.36f, -0.26f), col, th);
      dl->AddRectFilled(P(c, s, -0.1f, -0.38f), P(c, s, 0.1f, -0.28f), col);
      dl->AddQuad(P(c, s, -0.26f, -0.2f), P(c, s, 0.26f, -0.2f), P(c, s, 0.2f, 0.38f),
                  P(c, s, -0.2f, 0.38f), col, th);
      dl->AddLine(P(c, s, 0, -0.1f), P(c, s, 0, 0.28f), col, th * 0.8f);
      break;
    case Glyph::kCheck:
      dl->AddLine(P(c, s, -0.34f, 0.02f), P(c, s, -0.1f, 0.28f), col, th * 1.6f);
      dl->AddLine(P(c, s, -0.1f, 0.28f), P(c, s, 0.36f, -0.28f), col, th * 1.6f);
      break;
    case Glyph::kCross:
      dl->AddLine(P(c, s, -0.3f, -0.3f), P(c, s, 0.3f, 0.3f), col, th * 1.6f);
      dl->AddLine(P(c, s, -0.3f, 0.3f), P(c, s, 0.3f, -0.3f), col, th * 1.6f);
      break;
    case Glyph::kDrive:
      dl->AddRect(P(c, s, -0.4f, -0.16f), P(c, s, 0.4f, 0.2f), col, s * 0.05f, 0, th);
      dl->AddCircleFilled(P(c, s, 0.26f, 0.02f), s * 0.05f, col);
      break;
    case Glyph::kGroup:  // three people: the group itself
      DrawGlyph(dl, Glyph::kPerson, P(c, s, -0.24f, 0.06f), s * 0.6f, col);
      DrawGlyph(dl, Glyph::kPerson, P(c, s, 0.24f, 0.06f), s * 0.6f, col);
      DrawGlyph(dl, Glyph::kPerson, P(c, s, 0, -0.04f), s * 0.7f, col);
      break;
    case Glyph::kMegaphone: {  // publicity: a loud-hailer
      const ImVec2 horn[] = {P(c, s, -0.3f, -0.1f), P(c, s, 0.3f, -0.34f), P(c, s, 0.3f, 0.34f),
                             P(c, s, -0.3f, 0.1f)};
      dl->AddConvexPolyFilled(horn, 4, col);
      dl->AddRectFilled(P(c, s, -0.42f, -0.1f), P(c, s, -0.3f, 0.1f), col);
      dl->AddLine(P(c, s, -0.2f, 0.1f), P(c, s, -0.12f, 0.36f), col, th);
      break;
    }
    case Glyph::kMagnifier:  // research: looked at closely
      dl->AddCircle(P(c, s, -0.08f, -0.08f), s * 0.24f, col, 16, th);
      dl->AddLine(P(c, s, 0.1f, 0.1f), P(c, s, 0.36f, 0.36f), col, th * 1.6f);
      break;
    case Glyph::kBook:  // the portfolio booklet: an open book
      dl->AddQuadFilled(P(c, s, -0.42f, -0.28f), P(c, s, -0.03f, -0.2f), P(c, s, -0.03f, 0.34f),
                        P(c, s, -0.42f, 0.26f), col);
      dl->AddQuadFilled(P(c, s, 0.03f, -0.2f), P(c, s, 0.42f, -0.28f), P(c, s, 0.42f, 0.26f),
                        P(c, s, 0.03f, 0.34f), col);
      break;
    case Glyph::kCalendar:  // a dated session
      dl->AddRect(P(c, s, -0.36f, -0.28f), P(c, s, 0.36f, 0.36f), col, s * 0.05f, 0, th);
      dl->AddRectFilled(P(c, s, -0.36f, -0.28f), P(c, s, 0.36f, -0.1f), col, s * 0.05f);
      for (int i = 0; i < 3; ++i)
        dl->AddCircleFilled(P(c, s, -0.2f + i * 0.2f, 0.12f), s * 0.05f, col);
      break;
  }
}

IconButtonResult IconButton(const char* id, float size, bool active, const char* tooltip,
                            const char* hint, const CanvasColors& colors, UiState& ui,
                            bool enabled) {
  IconButtonResult r;
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const bool clicked = ImGui::InvisibleButton(id, ImVec2(size, size));
  const bool hovered = ImGui::IsItemHovered();
  const bool held = ImGui::IsItemActive();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImGuiStyle& style = ImGui::GetStyle();
  ImU32 bg = ImGui::GetColorU32(active    ? ImGuiCol_ButtonActive
                                : held    ? ImGuiCol_ButtonActive
                                : hovered ? ImGuiCol_ButtonHovered
                                          : ImGuiCol_Button);
  if (!active && !hovered && !held) bg = ImGui::GetColorU32(ImGuiCol_Button, 0.55f);
  dl->AddRectFilled(pos, ImVec2(pos.x + size, pos.y + size), bg, style.FrameRounding);
  if (active)
    dl->AddRect(pos, ImVec2(pos.x + size, pos.y + size), colors.accent, style.FrameRounding, 0,
                std::max(2.f, size * 0.05f));
  if (hovered) {
    if (tooltip) ImGui::SetTooltip("%s", tooltip);
    if (hint) ui.hint = hint;
  }
  r.pressed = clicked && enabled;
  r.center = ImVec2(pos.x + size * 0.5f, pos.y + size * 0.5f);
  r.icon_size = size * 0.72f;
  r.color = enabled ? (active ? colors.icon_active : colors.icon)
                    : ImGui::GetColorU32(ImGuiCol_TextDisabled);
  return r;
}

}  // namespace graphony::editor
