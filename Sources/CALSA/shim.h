#ifndef TURNKEEPER_CALSA_SHIM_H
#define TURNKEEPER_CALSA_SHIM_H

#include <alsa/asoundlib.h>
#include <stdlib.h>

/// `snd_pcm_hw_params_alloca` is a macro Swift cannot call: allocate on the heap instead.
/// Free with `snd_pcm_hw_params_free`.
static inline snd_pcm_hw_params_t *turnkeeper_hw_params_new(void) {
    snd_pcm_hw_params_t *params = NULL;
    if (snd_pcm_hw_params_malloc(&params) < 0) return NULL;
    return params;
}

/// `snd_pcm_sw_params_alloca` likewise.
static inline snd_pcm_sw_params_t *turnkeeper_sw_params_new(void) {
    snd_pcm_sw_params_t *params = NULL;
    if (snd_pcm_sw_params_malloc(&params) < 0) return NULL;
    return params;
}

static void turnkeeper_silent_error_handler(const char *file, int line, const char *function,
                                            int err, const char *fmt, ...) {
    (void)file; (void)line; (void)function; (void)err; (void)fmt;
}

/// The ALSA error handler is variadic; this installs one that prints nothing, so libasound
/// does not write to stderr behind the program's back (errors are reported through return codes).
static inline void turnkeeper_silence_alsa_errors(void) {
    snd_lib_error_set_handler(turnkeeper_silent_error_handler);
}

#endif
