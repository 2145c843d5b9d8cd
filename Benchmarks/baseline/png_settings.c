/* PNG encoder settings for `make bench`: size and time of libpng's row filters and zlib levels and
 * strategies on real figures.
 *
 *     png_settings A.png B.png ...
 *
 * Each file is decoded to 8-bit RGB (or RGBA when it has alpha) and encoded again in memory with every
 * setting below, best of 5. The table gives, per setting, the summed size and encode time over all files,
 * relative to the first row (no filter, zlib level 3, default strategy: libpng's simplified-API "fast"
 * setting that dlplot used first). */
#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

struct image { png_uint_32 width, height; int channels; unsigned char *pixels; };
struct sink { unsigned char *data; size_t size, capacity; };

static void sink_write(png_structp png, png_bytep bytes, size_t n) {
    struct sink *s = png_get_io_ptr(png);
    if (s->size + n > s->capacity) {
        s->capacity = (s->size + n) * 2;
        s->data = realloc(s->data, s->capacity);
    }
    memcpy(s->data + s->size, bytes, n);
    s->size += n;
}
static void sink_flush(png_structp png) { (void)png; }

static size_t encode(const struct image *im, int filters, int level, int strategy, struct sink *s) {
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    png_infop info = png_create_info_struct(png);
    if (setjmp(png_jmpbuf(png))) { png_destroy_write_struct(&png, &info); return 0; }
    s->size = 0;
    png_set_write_fn(png, s, sink_write, sink_flush);
    png_set_IHDR(png, info, im->width, im->height, 8, im->channels == 4 ? PNG_COLOR_TYPE_RGBA : PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, filters);
    png_set_compression_level(png, level);
    png_set_compression_strategy(png, strategy);
    png_write_info(png, info);
    size_t stride = (size_t)im->width * im->channels;
    for (png_uint_32 y = 0; y < im->height; y++) png_write_row(png, im->pixels + y * stride);
    png_write_end(png, NULL);
    png_destroy_write_struct(&png, &info);
    return s->size;
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: png_settings FILE.png...\n"); return 64; }
    int count = argc - 1;
    struct image *images = calloc(count, sizeof *images);
    for (int k = 0; k < count; k++) {
        png_image im; memset(&im, 0, sizeof im); im.version = PNG_IMAGE_VERSION;
        if (!png_image_begin_read_from_file(&im, argv[k + 1])) { fprintf(stderr, "%s: %s\n", argv[k + 1], im.message); return 1; }
        int alpha = (im.format & PNG_FORMAT_FLAG_ALPHA) != 0;
        im.format = alpha ? PNG_FORMAT_RGBA : PNG_FORMAT_RGB;
        images[k].width = im.width; images[k].height = im.height; images[k].channels = alpha ? 4 : 3;
        images[k].pixels = malloc(PNG_IMAGE_SIZE(im));
        if (!png_image_finish_read(&im, NULL, images[k].pixels, 0, NULL)) { fprintf(stderr, "%s: %s\n", argv[k + 1], im.message); return 1; }
    }
    struct { const char *name; int filters, level, strategy; } settings[] = {
        { "none, level 3 (libpng fast)", PNG_FILTER_NONE, 3, Z_DEFAULT_STRATEGY },
        { "none, level 1", PNG_FILTER_NONE, 1, Z_DEFAULT_STRATEGY },
        { "none, level 2", PNG_FILTER_NONE, 2, Z_DEFAULT_STRATEGY },
        { "none, level 6", PNG_FILTER_NONE, 6, Z_DEFAULT_STRATEGY },
        { "none, level 1, RLE", PNG_FILTER_NONE, 1, Z_RLE },
        { "sub, level 1", PNG_FILTER_SUB, 1, Z_DEFAULT_STRATEGY },
        { "sub, level 3", PNG_FILTER_SUB, 3, Z_DEFAULT_STRATEGY },
        { "sub, RLE", PNG_FILTER_SUB, 1, Z_RLE },
        { "up, level 1", PNG_FILTER_UP, 1, Z_DEFAULT_STRATEGY },
        { "up, level 2", PNG_FILTER_UP, 2, Z_DEFAULT_STRATEGY },
        { "up, level 3", PNG_FILTER_UP, 3, Z_DEFAULT_STRATEGY },
        { "up, RLE", PNG_FILTER_UP, 1, Z_RLE },
        { "paeth, level 1", PNG_FILTER_PAETH, 1, Z_DEFAULT_STRATEGY },
        { "adaptive (all filters), level 6 (libpng default)", PNG_ALL_FILTERS, 6, Z_FILTERED },
    };
    int n = sizeof settings / sizeof settings[0];
    struct sink s = { malloc(1 << 20), 0, 1 << 20 };
    double base_size = 0, base_time = 0;
    printf("%-50s %10s %8s %10s %8s\n", "PNG setting (all figures)", "size", "vs first", "encode", "vs first");
    for (int i = 0; i < n; i++) {
        double total_size = 0, total_time = 0;
        for (int k = 0; k < count; k++) {
            double best = 1e9;
            size_t size = 0;
            for (int r = 0; r < 5; r++) {
                double t0 = now();
                size = encode(&images[k], settings[i].filters, settings[i].level, settings[i].strategy, &s);
                double t = now() - t0;
                if (t < best) best = t;
            }
            total_size += size; total_time += best;
        }
        if (i == 0) { base_size = total_size; base_time = total_time; }
        printf("%-50s %7.0f KB %7.2fx %7.2f ms %7.2fx\n", settings[i].name, total_size / 1024, total_size / base_size,
               total_time * 1000, total_time / base_time);
    }
    return 0;
}
