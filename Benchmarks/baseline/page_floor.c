/* The fixed part of one whole-process figure, with dlplot's own libraries and PNG settings:
 *
 *     page_floor OUT.png WIDTH HEIGHT
 *
 * starts Pango (fontconfig, the default font map), lays out and draws one line of text in "DejaVu Sans",
 * paints a blank WIDTH x HEIGHT page with Cairo and writes it as an 8-bit RGB PNG through libpng with no
 * row filter and zlib level 1 (dlplot's encoder settings). Nothing is plotted. `make bench` runs it once
 * per figure of the 30-figure comparison, at that figure's pixel size: the sum is the CPU time below
 * which no one-process-per-figure renderer built on these libraries can go, whatever it draws. */
#include <pango/pangocairo.h>
#include <png.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    if (argc != 4) { fprintf(stderr, "usage: page_floor OUT.png WIDTH HEIGHT\n"); return 64; }
    int width = atoi(argv[2]), height = atoi(argv[3]);
    if (width <= 0 || height <= 0) { fprintf(stderr, "page_floor: bad size %s x %s\n", argv[2], argv[3]); return 64; }
    cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
    cairo_t *cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    PangoLayout *layout = pango_cairo_create_layout(cr);
    PangoFontDescription *font = pango_font_description_from_string("DejaVu Sans 14");
    pango_layout_set_font_description(layout, font);
    pango_layout_set_text(layout, "f(x) = \xcf\x83(x)  \xe2\x88\x92" "0.5", -1);
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_move_to(cr, 20, 20);
    pango_cairo_show_layout(cr, layout);
    cairo_surface_flush(surface);
    FILE *out = fopen(argv[1], "wb");
    if (!out) { perror(argv[1]); return 73; }
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    png_infop info = png_create_info_struct(png);
    if (setjmp(png_jmpbuf(png))) { fclose(out); return 74; }
    png_init_io(png, out);
    png_set_IHDR(png, info, (png_uint_32)width, (png_uint_32)height, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
    png_set_compression_level(png, 1);
    png_write_info(png, info);
    png_set_bgr(png);
    png_set_filler(png, 0, PNG_FILLER_AFTER);
    unsigned char *pixels = cairo_image_surface_get_data(surface);
    int stride = cairo_image_surface_get_stride(surface);
    for (int y = 0; y < height; y++) png_write_row(png, pixels + (size_t)y * (size_t)stride);
    png_write_end(png, NULL);
    png_destroy_write_struct(&png, &info);
    fclose(out);
    g_object_unref(layout);
    pango_font_description_free(font);
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    return 0;
}
