// The legend page: each colour -> instrument -> who plays it; the scale and range in words
// and on a small staff.
#pragma once

#include <string>
#include <vector>

#include "core/score.h"
#include "interpret/events.h"
#include "notation/print_common.h"

namespace graphony::notation {

// `events` tells which colours the picture itself plays (image layers in notes or scan mode);
// `left_out` lists the parts the full score leaves out (LeftOutOfScore), one line each.
PagePainter LegendPage(const Score& score, const Events& events, const PageGeometry& page,
                       bool title_block, const std::vector<std::string>& left_out = {});

}  // namespace graphony::notation
