// How pictures keep their shape on the score's surface (time across, pitch height up): the one
// place that turns a picture's pixel aspect into beats, for the editor, the performance view
// and graphony-cli new.
#pragma once

#include "core/score.h"

namespace graphony {

// The shape of a score's surface: the full pitch height is as tall as this many seconds of
// time are wide (the demo's 2:1 painting lasts 26.7 s), so a 16:9 picture keeping its shape
// lasts 23.7 s and a 3:4 one 10 s, at any tempo.
constexpr double kHeightSeconds = 40.0 / 3.0;

// Width / height of the picture's pixels (EXIF orientation applied); 0 when not decoded.
double PictureAspect(const ImageLayer& image);

// Beats that look as wide as the whole pitch height (0..1) on this score's surface, at its
// tempo; 0 if the score has no picture (then nothing can look stretched and the surface may
// take the canvas's shape).
double BeatsPerHeight(const Score& score);

// Length in beats that a picture of `aspect` spanning `height_span` (share of 0..1) needs at
// `seconds_per_beat` to keep its shape, by kHeightSeconds.
double FittingLengthBeats(double aspect, double height_span, double seconds_per_beat);

// Where a picture of `aspect` added to `score` goes: from beat 0 over the full height, as long
// as its shape needs at the score's tempo (letterboxed in the score, never stretched to it).
void PlaceNewPicture(const Score& score, double aspect, ImageLayer& image);

}  // namespace graphony
