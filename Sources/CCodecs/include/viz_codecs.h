// include: the public header of CCodecs, the one Swift imports.

#ifndef VIZ_CODECS_H
#define VIZ_CODECS_H
/* The animation codecs (giflib, libwebp's animation encoder, libavcodec/libavformat), loaded at run time
 * with dlopen so that a program using Viz starts, and draws still figures, on a machine without them. Only the
 * library headers are needed to build; the shared libraries are opened, by their versioned sonames, the
 * first time an animation of that format is written. Every writer below needs its codec loaded first. */
#include <stddef.h>
#include <stdint.h>

enum { VIZ_CODEC_GIF = 0, VIZ_CODEC_WEBP = 1, VIZ_CODEC_MP4 = 2 };

/* How many shared libraries `codec` needs, and the soname of the `index`th (for the major version of the
 * headers Viz was built with, e.g. "libgif.so.7"), or NULL for an index out of range. */
int viz_codec_library_count(int codec);
const char *viz_codec_soname(int codec, int index);

/* Opens `count` libraries (`sonames`; NULL for the defaults above) and binds every function `codec` uses.
 * Returns 0 when the codec is ready (at once when it already is and `sonames` is NULL), or 1 + the index of
 * the library that failed, with the loader's reason (dlerror) in `message` (`length` bytes, NUL-ended).
 * Explicit `sonames` are always tried, and make the codec ready only when it was not yet. Thread-safe. */
int viz_codec_load(int codec, const char *const *sonames, int count, char *message, size_t length);

/* GIF89a (giflib). */
typedef struct viz_gif_writer viz_gif_writer;
/* Opens a GIF of width x height with a global palette of 256 RGB triples (`palette`, 768 bytes); `loop`
 * writes the NETSCAPE2.0 extension (repeat forever). NULL on failure or when giflib is not loaded. */
viz_gif_writer *viz_gif_open(int width, int height, const unsigned char *palette, int loop);
/* Writes the rectangle (x, y, w, h) of `indices` (`stride` bytes a row), shown for `delay` hundredths of
 * a second and left in place; `transparent` is the index that lets the previous frame show, or -1. */
int viz_gif_frame(viz_gif_writer *gif, const unsigned char *indices, size_t stride,
                     int x, int y, int w, int h, int delay, int transparent);
/* Ends the stream; on success (1) *out (malloc'ed, the caller frees it) and *size hold the file. Frees gif. */
int viz_gif_finish(viz_gif_writer *gif, unsigned char **out, size_t *size);
/* Frees an unfinished writer. */
void viz_gif_free(viz_gif_writer *gif);

/* Animated WebP (libwebp's WebPAnimEncoder, near-lossless). */
typedef struct viz_webp_writer viz_webp_writer;
/* Starts width x height; `loop` repeats forever, else plays once. NULL when libwebp refuses or is not loaded. */
viz_webp_writer *viz_webp_open(int width, int height, int loop);
/* Adds Cairo's opaque ARGB32 pixels (B, G, R, A bytes, `stride` a row) shown from `timestamp` ms. */
int viz_webp_add(viz_webp_writer *webp, const uint8_t *bgra, int width, int height, int stride, int timestamp);
/* Ends at `end` ms; on success (1) *out (malloc'ed) and *size hold the file. Frees webp. */
int viz_webp_finish(viz_webp_writer *webp, int end, uint8_t **out, size_t *size);
void viz_webp_free(viz_webp_writer *webp);

/* H.264 in MP4 (libavcodec, libavformat). */
typedef struct viz_mp4_writer viz_mp4_writer;
/* Opens width x height (both even) at fps_num/fps_den frames per second. Returns the writer in *out and 0,
 * or -1 when libavcodec has no H.264 encoder, -2 on any other failure, -3 when the codec is not loaded. */
int viz_mp4_open(viz_mp4_writer **out, int width, int height, int fps_num, int fps_den);
/* The reference frames the encoder keeps at width x height: at most 6, and no more than H.264 level 5.1's
 * decoded picture buffer holds (so frames up to 4096x2304 stay within level 5.1). */
int viz_mp4_reference_frames(int width, int height);
/* Adds Cairo's ARGB32 pixels (top-left width x height of them, `stride` a row), shown `repeat` frame times. */
int viz_mp4_add(viz_mp4_writer *mp4, const uint8_t *bgra, int stride, int repeat);
/* Flushes and writes the index; on success (1) *out (malloc'ed) and *size hold the file. Frees mp4. */
int viz_mp4_finish(viz_mp4_writer *mp4, uint8_t **out, size_t *size);
void viz_mp4_free(viz_mp4_writer *mp4);
#endif
