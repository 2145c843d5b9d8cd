/* H.264 in MP4 through libavcodec and libavformat (libx264 when present), loaded at run time by the sonames
 * of the major versions these headers describe (libavutil.so.57, libavcodec.so.59, libavformat.so.59 on
 * Debian 12): the structures read and written here change between major versions. */
#include "viz_codecs.h"
#include "codec_loading.h"
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/opt.h>

#define MP4_FUNCTIONS(X) \
    X(0, av_log_set_level) X(0, av_opt_set) X(0, av_malloc) X(0, av_free) X(0, av_freep) X(0, av_frame_alloc) \
    X(0, av_frame_get_buffer) X(0, av_frame_make_writable) X(0, av_frame_free) \
    X(1, avcodec_find_encoder_by_name) X(1, avcodec_find_encoder) X(1, avcodec_alloc_context3) X(1, avcodec_open2) \
    X(1, avcodec_parameters_from_context) X(1, av_packet_alloc) X(1, avcodec_receive_packet) X(1, av_packet_rescale_ts) \
    X(1, avcodec_send_frame) X(1, av_packet_free) X(1, avcodec_free_context) \
    X(2, avformat_alloc_output_context2) X(2, avformat_new_stream) X(2, avio_alloc_context) X(2, avformat_write_header) \
    X(2, av_interleaved_write_frame) X(2, av_write_trailer) X(2, avio_flush) X(2, avio_context_free) \
    X(2, avformat_free_context)

static struct mp4_api { MP4_FUNCTIONS(VIZ_FIELD) } api;
#define MP4_ENTRY(lib, fn) VIZ_ENTRY(mp4_api, lib, fn)
static const viz_symbol symbols[] = { MP4_FUNCTIONS(MP4_ENTRY) };

#ifdef __APPLE__
#define AV_SONAME(name, major) "lib" name "." VIZ_STR(major) ".dylib"
#else
#define AV_SONAME(name, major) "lib" name ".so." VIZ_STR(major)
#endif

viz_codec_spec viz_mp4_spec = {
    3,
    {AV_SONAME("avutil", LIBAVUTIL_VERSION_MAJOR), AV_SONAME("avcodec", LIBAVCODEC_VERSION_MAJOR),
     AV_SONAME("avformat", LIBAVFORMAT_VERSION_MAJOR)},
    symbols, (int)(sizeof symbols / sizeof *symbols), &api, sizeof api, 0
};

/* The MP4 file in memory: libavformat writes, seeks back (to patch sizes) and reads here. */
typedef struct { uint8_t *data; size_t size; size_t capacity; int64_t pos; int failed; } mp4_buffer;

struct viz_mp4_writer {
    AVFormatContext *format;
    AVCodecContext *codec;
    AVStream *stream;
    AVFrame *frame;
    AVPacket *packet;
    AVIOContext *io;
    mp4_buffer buffer;
    int64_t next_pts;
};

static int buffer_write(void *opaque, uint8_t *bytes, int n) {
    mp4_buffer *b = (mp4_buffer *)opaque;
    if (b->failed || n < 0) return AVERROR(EIO);
    size_t end = (size_t)b->pos + (size_t)n;
    if (end > b->capacity) {
        size_t capacity = end * 2 + 65536;
        uint8_t *data = (uint8_t *)realloc(b->data, capacity);
        if (!data) { b->failed = 1; return AVERROR(ENOMEM); }
        b->data = data; b->capacity = capacity;
    }
    memcpy(b->data + b->pos, bytes, (size_t)n);
    b->pos = (int64_t)end;
    if (end > b->size) b->size = end;
    return n;
}

static int64_t buffer_seek(void *opaque, int64_t offset, int whence) {
    mp4_buffer *b = (mp4_buffer *)opaque;
    if (whence & AVSEEK_SIZE) return (int64_t)b->size;
    int64_t to = offset;
    if ((whence & 3) == SEEK_CUR) to = b->pos + offset;
    else if ((whence & 3) == SEEK_END) to = (int64_t)b->size + offset;
    if (to < 0) return AVERROR(EINVAL);
    b->pos = to;
    return to;
}

void viz_mp4_free(viz_mp4_writer *m) {
    if (!m) return;
    if (m->frame) api.av_frame_free(&m->frame);
    if (m->packet) api.av_packet_free(&m->packet);
    if (m->codec) api.avcodec_free_context(&m->codec);
    if (m->io) { api.av_freep(&m->io->buffer); api.avio_context_free(&m->io); }
    if (m->format) api.avformat_free_context(m->format);
    free(m->buffer.data);
    free(m);
}

/* The x264 settings: a short lookahead and, on x86, the processor's instruction sets up to AVX2. x264 keeps
 * rc-lookahead frames in flight (40 at "medium": ~550 MB of memory at 1920x1080); 10 (as in "veryfast")
 * keeps it near 300 MB, and files of drawn figures barely grow (a few per cent). x264's AVX-512 code (core
 * 164) reads memory it never wrote: on a processor with AVX-512 the same frames gave different bytes from run
 * to run (at widths under 500 pixels, depending on what the heap held before), so it is left out. x264 takes
 * the sets named as given, without checking the processor, so only those the processor has are named. */
static void x264_params(char *out, size_t size, int width, int height) {
    const char *sets = NULL;
#if defined(__x86_64__) || defined(__i386__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") && __builtin_cpu_supports("bmi")
        && __builtin_cpu_supports("bmi2")) sets = "AVX2";
    else if (__builtin_cpu_supports("avx") && __builtin_cpu_supports("sse4.2")) sets = "AVX";
    else if (__builtin_cpu_supports("sse4.2")) sets = "SSE4.2";
    else if (__builtin_cpu_supports("ssse3")) sets = "SSSE3";
    else sets = "SSE2";
#endif
    int refs = viz_mp4_reference_frames(width, height);
    /* Above 1920x1080 (8,160 macroblocks) fewer frames ahead, down to 4 at 3840x2160: x264's frames there are
     * ~40 MB each with their filtered planes, and 10 ahead took the process to 900 MB. */
    long macroblocks = (long)((width + 15) / 16) * (long)((height + 15) / 16);
    long ahead = macroblocks > 8160 ? 81600L / macroblocks : 10;
    int lookahead = (int)(ahead < 4 ? 4 : ahead);
    if (sets) snprintf(out, size, "rc-lookahead=%d:ref=%d:asm=%s", lookahead, refs, sets);
    else snprintf(out, size, "rc-lookahead=%d:ref=%d", lookahead, refs);
}

/* The reference frames x264 keeps (tune "animation" asks for 6): no more than level 5.1's decoded picture
 * buffer holds at this size (184,320 macroblocks, H.264 table A-1), so a 4K animation is level 5.1, which
 * hardware decoders and players accept, not level 6.0. */
int viz_mp4_reference_frames(int width, int height) {
    long macroblocks = (long)((width + 15) / 16) * (long)((height + 15) / 16);
    long fit = macroblocks > 0 ? 184320L / macroblocks : 6;
    return (int)(fit < 1 ? 1 : (fit > 6 ? 6 : fit));
}

/* BT.709 limited range, single-threaded and bit-exact, so the bytes depend only on the frames. */
static int configure(viz_mp4_writer *m, const AVCodec *codec, int width, int height, int fps_num, int fps_den) {
    if (api.avformat_alloc_output_context2(&m->format, NULL, "mp4", NULL) < 0 || !m->format) return 0;
    m->format->flags |= AVFMT_FLAG_BITEXACT;
    m->stream = api.avformat_new_stream(m->format, NULL);
    m->codec = api.avcodec_alloc_context3(codec);
    if (!m->stream || !m->codec) return 0;
    AVCodecContext *c = m->codec;
    c->width = width; c->height = height;
    c->time_base = (AVRational){fps_den, fps_num};
    c->framerate = (AVRational){fps_num, fps_den};
    c->pix_fmt = AV_PIX_FMT_YUV420P;
    c->gop_size = 250;
    c->thread_count = 1;
    c->flags |= AV_CODEC_FLAG_BITEXACT;
    c->color_range = AVCOL_RANGE_MPEG;
    c->colorspace = AVCOL_SPC_BT709;
    c->color_primaries = AVCOL_PRI_BT709;
    c->color_trc = AVCOL_TRC_BT709;
    if (m->format->oformat->flags & AVFMT_GLOBALHEADER) c->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    api.av_opt_set(c->priv_data, "preset", "medium", 0);
    api.av_opt_set(c->priv_data, "crf", "20", 0);
    api.av_opt_set(c->priv_data, "tune", "animation", 0);
    char params[96];
    x264_params(params, sizeof params, width, height);
    api.av_opt_set(c->priv_data, "x264-params", params, 0);
    if (api.avcodec_open2(c, codec, NULL) < 0) return 0;
    if (api.avcodec_parameters_from_context(m->stream->codecpar, c) < 0) return 0;
    m->stream->time_base = c->time_base;
    uint8_t *iobuf = (uint8_t *)api.av_malloc(65536);
    if (!iobuf) return 0;
    m->io = api.avio_alloc_context(iobuf, 65536, 1, &m->buffer, NULL, buffer_write, buffer_seek);
    if (!m->io) { api.av_free(iobuf); return 0; }
    m->format->pb = m->io;
    m->format->flags |= AVFMT_FLAG_CUSTOM_IO;
    if (api.avformat_write_header(m->format, NULL) < 0) return 0;
    m->frame = api.av_frame_alloc();
    m->packet = api.av_packet_alloc();
    if (!m->frame || !m->packet) return 0;
    m->frame->format = AV_PIX_FMT_YUV420P; m->frame->width = width; m->frame->height = height;
    return api.av_frame_get_buffer(m->frame, 0) >= 0;
}

int viz_mp4_open(viz_mp4_writer **out, int width, int height, int fps_num, int fps_den) {
    *out = NULL;
    if (!viz_codec_ready(&viz_mp4_spec)) return -3;
    api.av_log_set_level(AV_LOG_ERROR);
    const AVCodec *codec = api.avcodec_find_encoder_by_name("libx264");
    if (!codec) codec = api.avcodec_find_encoder(AV_CODEC_ID_H264);
    if (!codec) return -1;
    viz_mp4_writer *m = (viz_mp4_writer *)calloc(1, sizeof *m);
    if (!m) return -2;
    if (!configure(m, codec, width, height, fps_num, fps_den)) { viz_mp4_free(m); return -2; }
    *out = m;
    return 0;
}

static int drain(viz_mp4_writer *m) {
    for (;;) {
        int r = api.avcodec_receive_packet(m->codec, m->packet);
        if (r == AVERROR(EAGAIN) || r == AVERROR_EOF) return 1;
        if (r < 0) return 0;
        m->packet->duration = 1; /* one frame time: the last frame lasts as long as the others */
        api.av_packet_rescale_ts(m->packet, m->codec->time_base, m->stream->time_base);
        m->packet->stream_index = m->stream->index;
        if (api.av_interleaved_write_frame(m->format, m->packet) < 0) return 0;
    }
}

/* Converts to BT.709 limited-range Y'CbCr 4:2:0 (each chroma sample the mean of a 2x2 block). */
int viz_mp4_add(viz_mp4_writer *m, const uint8_t *bgra, int stride, int repeat) {
    if (!m) return 0;
    AVFrame *f = m->frame;
    if (api.av_frame_make_writable(f) < 0) return 0;
    int w = f->width, h = f->height;
    for (int y = 0; y < h; y++) {
        const uint8_t *row = bgra + (size_t)y * stride;
        uint8_t *yp = f->data[0] + (size_t)y * f->linesize[0];
        for (int x = 0; x < w; x++) {
            int b = row[4 * x], g = row[4 * x + 1], r = row[4 * x + 2];
            yp[x] = (uint8_t)(((47 * r + 157 * g + 16 * b + 128) >> 8) + 16);
        }
    }
    for (int y = 0; y < h / 2; y++) {
        const uint8_t *r0 = bgra + (size_t)(2 * y) * stride, *r1 = r0 + stride;
        uint8_t *up = f->data[1] + (size_t)y * f->linesize[1], *vp = f->data[2] + (size_t)y * f->linesize[2];
        for (int x = 0; x < w / 2; x++) {
            int b = r0[8 * x] + r0[8 * x + 4] + r1[8 * x] + r1[8 * x + 4];
            int g = r0[8 * x + 1] + r0[8 * x + 5] + r1[8 * x + 1] + r1[8 * x + 5];
            int r = r0[8 * x + 2] + r0[8 * x + 6] + r1[8 * x + 2] + r1[8 * x + 6];
            up[x] = (uint8_t)(((-26 * r - 87 * g + 112 * b + 512) >> 10) + 128);
            vp[x] = (uint8_t)(((112 * r - 102 * g - 10 * b + 512) >> 10) + 128);
        }
    }
    for (int k = 0; k < repeat; k++) {
        f->pts = m->next_pts++;
        if (api.avcodec_send_frame(m->codec, f) < 0) return 0;
        if (!drain(m)) return 0;
    }
    return 1;
}

int viz_mp4_finish(viz_mp4_writer *m, uint8_t **out, size_t *size) {
    *out = NULL; *size = 0;
    if (!m) return 0;
    int ok = api.avcodec_send_frame(m->codec, NULL) >= 0 && drain(m) && api.av_write_trailer(m->format) >= 0;
    api.avio_flush(m->io);
    ok = ok && !m->buffer.failed;
    if (ok) { *out = m->buffer.data; *size = m->buffer.size; m->buffer.data = NULL; }
    viz_mp4_free(m);
    return ok;
}
