// How pictures keep their shape on the score's surface (time across, pitch height up): the one
// place that turns a picture's pixel aspect into beats, for the editor and the performance view.
#pragma once

#include "core/score.h"

namespace graphony {

// Width / height of the picture's pixels (EXIF orientation applied); 0 when not decoded.
double PictureAspect(const ImageLayer& image);

// Beats that look as wide as the whole pitch height (0..1) on this score's surface: the shape
// its first decoded picture gives it (that picture then shows undistorted, whatever length
// it was given); 0 if the score has no picture, and the surface may take any shape.
double BeatsPerHeight(const Score& score);

// Where a picture of `aspect` added to `score` goes: from beat 0 over the full height, as long
// as its shape needs on the score's surface (letterboxed, never stretched to the score's
// length); the first picture spans the whole score and gives the surface its shape.
void PlaceNewPicture(const Score& score, double aspect, ImageLayer& image);

}  // namespace graphony
