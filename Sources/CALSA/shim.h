#ifndef TURNKEEPER_CALSA_SHIM_H
#define TURNKEEPER_CALSA_SHIM_H

#include <alsa/asoundlib.h>
#include <stdlib.h>
#include <errno.h>
#include <time.h>

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

/// Builds a configuration tree for `snd_pcm_open_lconf`: a copy of the global configuration
/// (alsa.conf, so `null`, `hw`, `plughw`, `default` keep working) when `include_global` is
/// non-zero, or an empty tree, with `text` (ALSA configuration syntax) loaded on top.
/// Returns 0 and sets `*out` (free with `snd_config_delete`), or a negative errno.
static inline int turnkeeper_config_from_text(snd_config_t **out, const char *text, size_t length,
                                              int include_global) {
    snd_config_t *top = NULL;
    int err;
    if (include_global) {
        snd_config_t *global = NULL;
        err = snd_config_update_ref(&global);
        if (err < 0) return err;
        err = snd_config_copy(&top, global);
        snd_config_unref(global);
        if (err < 0) return err;
    } else {
        err = snd_config_top(&top);
        if (err < 0) return err;
    }
    snd_input_t *input = NULL;
    err = snd_input_buffer_open(&input, text, (ssize_t)length);
    if (err < 0) { snd_config_delete(top); return err; }
    err = snd_config_load(top, input);
    snd_input_close(input);
    if (err < 0) { snd_config_delete(top); return err; }
    *out = top;
    return 0;
}

/// Sleeps until `deadline_ns` on CLOCK_MONOTONIC (absolute), retrying on EINTR; used to pace
/// silence while a capture device is gone.
static inline void turnkeeper_sleep_until(long long deadline_ns) {
    struct timespec ts;
    ts.tv_sec = (time_t)(deadline_ns / 1000000000LL);
    ts.tv_nsec = (long)(deadline_ns % 1000000000LL);
    while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL) == EINTR) {}
}

/// Now on CLOCK_MONOTONIC, in nanoseconds.
static inline long long turnkeeper_monotonic_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

#endif
