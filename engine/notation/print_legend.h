// The legend page: each colour -> instrument -> who plays it; the scale and range in words
// and on a small staff.
#pragma once

#include "core/score.h"
#include "interpret/events.h"
#include "notation/print_common.h"

namespace graphony::notation {

// `events` tells which colours the picture itself plays (image layers in notes or scan mode).
PagePainter LegendPage(const Score& score, const Events& events, const PageGeometry& page,
                       bool title_block);

}  // namespace graphony::notation
