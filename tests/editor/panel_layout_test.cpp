// ComputePanelLayout at every window size and UI size: the transport never smaller than the
// tools or 44 px, the toolbar at most two rows, the canvas at least half the width.
#include "logic/panel_layout.h"

#include <doctest/doctest.h>

#include <initializer_list>

#include "logic/ui_sizes.h"

using namespace graphony::editor;

TEST_CASE("panel layout keeps the transport big and the canvas wide at every size") {
  const float sizes[][2] = {{1280, 720}, {1366, 768}, {1600, 1000}, {1920, 1080}, {3840, 2160}};
  for (const auto& wh : sizes) {
    for (const UiSize& ui : kUiSizes) {
      for (bool participant : {false, true}) {
        PanelLayoutInput in;
        in.width = wh[0];
        in.height = wh[1];
        in.ui_scale = ui.scale;
        in.menu_h = participant ? 0 : 20 * ui.scale;
        in.status_h = participant ? 0 : 36 * ui.scale;
        in.participant = participant;
        const PanelLayout l = ComputePanelLayout(in);
        CAPTURE(wh[0]);
        CAPTURE(ui.scale);
        CAPTURE(participant);
        CHECK(l.transport_size >= 44);
        CHECK(l.transport_size >= l.tool_size);
        if (!participant) CHECK(l.tool_size >= 44);
        CHECK(l.toolbar_rows <= 2);
        CHECK(l.canvas_w >= 0.5f * in.width);
        CHECK(l.left_w + l.canvas_w + l.right_w <= in.width + 0.5f);
        CHECK(l.body_h > 0.45f * in.height);
        // The tools end before the transport begins.
        CHECK(l.tools_right + l.group_gap + 4 * l.transport_size + 3 * l.spacing + l.pad_x <=
              in.width + 0.5f);
      }
    }
  }
}

TEST_CASE("a big UI on a small window folds the side panel; a big window docks it") {
  PanelLayoutInput in;
  in.width = 1280;
  in.height = 720;
  in.ui_scale = 2.0f;
  CHECK(ComputePanelLayout(in).right_folded);
  in.width = 1920;
  in.height = 1080;
  in.ui_scale = 1.0f;
  CHECK_FALSE(ComputePanelLayout(in).right_folded);
}
