// Pitch estimators for rendered audio: autocorrelation (any timbre) and zero crossings (pure
// tones).
#pragma once

#include <cstddef>
#include <vector>

namespace graphony::test {

// Fundamental frequency of x[begin, begin+len) by normalised autocorrelation: the first
// lag whose correlation is within 90% of the best (avoids octave errors), refined by a
// parabola through its neighbours. Returns Hz (0 when nothing periodic is found).
double EstimatePitchHz(const std::vector<float>& x, size_t begin, size_t len, double sr,
                       double fmin = 50, double fmax = 2000);

// Frequency of a (nearly) pure tone in x[begin, end) from its rising zero crossings,
// interpolated. Returns Hz (0 with fewer than two crossings).
double ZeroCrossingHz(const std::vector<float>& x, size_t begin, size_t end, double rate);

double MidiToHz(double midi);
// Distance in cents from `want_hz`.
double Cents(double hz, double want_hz);
// Distance in semitones from MIDI note `midi`; 99 when no pitch was found.
double Semitones(double hz, double midi);

}  // namespace graphony::test
