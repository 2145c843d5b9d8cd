/* The floor for one whole-process figure: open Cairo, stroke a 1000-point line, draw one text label,
 * write the PNG. `make bench` builds it and compares `dlplot activation sigmoid` against it. */
#include <cairo.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    const char *out = argc > 1 ? argv[1] : "minimal.png";
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 800, 500);
    cairo_t *cr = cairo_create(s);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_set_source_rgb(cr, 0, 0.447, 0.698);
    cairo_set_line_width(cr, 2);
    for (int i = 0; i < 1000; i++) {
        double x = -6 + 12.0 * i / 999.0;
        double y = 1 / (1 + exp(-x));
        double px = 60 + (x + 6) / 12 * 700, py = 450 - y * 400;
        if (i == 0) cairo_move_to(cr, px, py); else cairo_line_to(cr, px, py);
    }
    cairo_stroke(cr);
    cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, 18);
    cairo_move_to(cr, 300, 30);
    cairo_show_text(cr, "sigmoid(x)");
    cairo_status_t st = cairo_surface_write_to_png(s, out);
    cairo_destroy(cr);
    cairo_surface_destroy(s);
    return st == CAIRO_STATUS_SUCCESS ? 0 : 1;
}
