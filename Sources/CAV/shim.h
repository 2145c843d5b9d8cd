#ifndef DLPLOT_CAV_SHIM_H
#define DLPLOT_CAV_SHIM_H
#include <stdlib.h>
#include <string.h>
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/opt.h>
#include <libavutil/pixdesc.h>

/* The MP4 file in memory: libavformat writes, seeks back (to patch sizes) and reads here. */
typedef struct { uint8_t *data; size_t size; size_t capacity; int64_t pos; int failed; } dlplot_mp4_buffer;

static int dlplot_mp4_write(void *opaque, uint8_t *bytes, int n) {
    dlplot_mp4_buffer *b = (dlplot_mp4_buffer *)opaque;
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

static int64_t dlplot_mp4_seek(void *opaque, int64_t offset, int whence) {
    dlplot_mp4_buffer *b = (dlplot_mp4_buffer *)opaque;
    if (whence & AVSEEK_SIZE) return (int64_t)b->size;
    int64_t to = offset;
    if ((whence & 3) == SEEK_CUR) to = b->pos + offset;
    else if ((whence & 3) == SEEK_END) to = (int64_t)b->size + offset;
    if (to < 0) return AVERROR(EINVAL);
    b->pos = to;
    return to;
}

/* An H.264 encoder feeding the MP4 muxer. */
typedef struct {
    AVFormatContext *format;
    AVCodecContext *codec;
    AVStream *stream;
    AVFrame *frame;
    AVPacket *packet;
    AVIOContext *io;
    dlplot_mp4_buffer buffer;
    int64_t next_pts;
} dlplot_mp4;

static inline void dlplot_mp4_free(dlplot_mp4 *m) {
    if (m->frame) av_frame_free(&m->frame);
    if (m->packet) av_packet_free(&m->packet);
    if (m->codec) avcodec_free_context(&m->codec);
    if (m->io) { av_freep(&m->io->buffer); avio_context_free(&m->io); }
    if (m->format) { avformat_free_context(m->format); m->format = NULL; }
    free(m->buffer.data); m->buffer.data = NULL; m->buffer.size = m->buffer.capacity = 0;
}

/* Opens an MP4 of width x height (both even) at fps_num/fps_den frames per second, H.264 yuv420p (BT.709,
 * limited range), single-threaded and bit-exact so the bytes depend only on the frames. Returns 0, or
 * -1 when libavcodec has no H.264 encoder, -2 on any other failure (m is then freed). */
static inline int dlplot_mp4_open(dlplot_mp4 *m, int width, int height, int fps_num, int fps_den) {
    memset(m, 0, sizeof *m);
    av_log_set_level(AV_LOG_ERROR);
    const AVCodec *codec = avcodec_find_encoder_by_name("libx264");
    if (!codec) codec = avcodec_find_encoder(AV_CODEC_ID_H264);
    if (!codec) return -1;
    if (avformat_alloc_output_context2(&m->format, NULL, "mp4", NULL) < 0 || !m->format) { dlplot_mp4_free(m); return -2; }
    m->format->flags |= AVFMT_FLAG_BITEXACT;
    m->stream = avformat_new_stream(m->format, NULL);
    m->codec = avcodec_alloc_context3(codec);
    if (!m->stream || !m->codec) { dlplot_mp4_free(m); return -2; }
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
    av_opt_set(c->priv_data, "preset", "medium", 0);
    av_opt_set(c->priv_data, "crf", "20", 0);
    av_opt_set(c->priv_data, "tune", "animation", 0);
    if (avcodec_open2(c, codec, NULL) < 0) { dlplot_mp4_free(m); return -2; }
    if (avcodec_parameters_from_context(m->stream->codecpar, c) < 0) { dlplot_mp4_free(m); return -2; }
    m->stream->time_base = c->time_base;
    uint8_t *iobuf = (uint8_t *)av_malloc(65536);
    if (!iobuf) { dlplot_mp4_free(m); return -2; }
    m->io = avio_alloc_context(iobuf, 65536, 1, &m->buffer, NULL, dlplot_mp4_write, dlplot_mp4_seek);
    if (!m->io) { av_free(iobuf); dlplot_mp4_free(m); return -2; }
    m->format->pb = m->io;
    m->format->flags |= AVFMT_FLAG_CUSTOM_IO;
    if (avformat_write_header(m->format, NULL) < 0) { dlplot_mp4_free(m); return -2; }
    m->frame = av_frame_alloc();
    m->packet = av_packet_alloc();
    if (!m->frame || !m->packet) { dlplot_mp4_free(m); return -2; }
    m->frame->format = AV_PIX_FMT_YUV420P; m->frame->width = width; m->frame->height = height;
    if (av_frame_get_buffer(m->frame, 0) < 0) { dlplot_mp4_free(m); return -2; }
    return 0;
}

static inline int dlplot_mp4_drain(dlplot_mp4 *m) {
    for (;;) {
        int r = avcodec_receive_packet(m->codec, m->packet);
        if (r == AVERROR(EAGAIN) || r == AVERROR_EOF) return 1;
        if (r < 0) return 0;
        m->packet->duration = 1; /* one frame time: the last frame lasts as long as the others */
        av_packet_rescale_ts(m->packet, m->codec->time_base, m->stream->time_base);
        m->packet->stream_index = m->stream->index;
        if (av_interleaved_write_frame(m->format, m->packet) < 0) return 0;
    }
}

/* Adds a frame of Cairo's opaque ARGB32 pixels (B, G, R, A bytes, `stride` a row; the top-left width x height
 * of it), converted to BT.709 limited-range Y'CbCr 4:2:0, shown for `repeat` frame times. Returns 1 on success. */
static inline int dlplot_mp4_add(dlplot_mp4 *m, const uint8_t *bgra, int stride, int repeat) {
    AVFrame *f = m->frame;
    if (av_frame_make_writable(f) < 0) return 0;
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
        if (avcodec_send_frame(m->codec, f) < 0) return 0;
        if (!dlplot_mp4_drain(m)) return 0;
    }
    return 1;
}

/* Flushes the encoder, writes the index and returns the file (malloc'ed; the caller frees it); frees the rest.
 * Returns 1 on success. */
static inline int dlplot_mp4_finish(dlplot_mp4 *m, uint8_t **out, size_t *size) {
    int ok = avcodec_send_frame(m->codec, NULL) >= 0 && dlplot_mp4_drain(m) && av_write_trailer(m->format) >= 0;
    avio_flush(m->io);
    ok = ok && !m->buffer.failed;
    *out = ok ? m->buffer.data : NULL;
    *size = ok ? m->buffer.size : 0;
    if (ok) { m->buffer.data = NULL; }
    dlplot_mp4_free(m);
    return ok;
}
#endif
