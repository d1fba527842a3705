// Decodes sampler sounds (WAV/FLAC/OGG, via libsndfile) from memory or disk into mono float.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/score.h"
#include "synth/units/sampler_unit.h"

namespace graphony {

// `where` names the source in error messages. Throws std::runtime_error on bad data.
// The root pitch comes from a note name at the end of the file name ("kalimba-C5.wav"
// -> 72), else C4.
// A sampled instrument (`made`, from the score) brings its own root pitch and loop, checked
// against the decoded frames; its crossfade is baked into the frames here, once.
std::shared_ptr<const dsp::SampleData> DecodeSample(const std::vector<uint8_t>& bytes,
                                                    const std::string& name,
                                                    const std::string& where,
                                                    const SampledInstrument* made = nullptr);
std::shared_ptr<const dsp::SampleData> LoadSampleFile(const std::filesystem::path& path);

// Root pitch from a file name ("hum-C3.wav" -> 48), else 60 (C4).
double RootPitchFromName(const std::string& file_name);

// Where the shipped samples are: $GRAPHONY_SAMPLES, else <exe>/../share/graphony/samples,
// else the source tree's samples/ (a build run in place). Empty if none exists.
std::filesystem::path DefaultSamplesDir();

}  // namespace graphony
