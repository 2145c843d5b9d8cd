#ifndef VIZ_CCAIRO_SHIM_H
#define VIZ_CCAIRO_SHIM_H
/* cairo (with its SVG and PDF surfaces) and the part of PangoCairo that Viz uses.
 *
 * Pango's own headers need include paths that SwiftPM can only take from pkg-config files that also
 * carry flags it rejects (-pthread), so the few Pango entry points used are declared here, exactly as in
 * <pango/pangocairo.h> (Pango >= 1.44). The objects are opaque; only PangoRectangle's layout is used. */
#include <cairo.h>
#include <cairo-svg.h>
#include <cairo-pdf.h>
#include <glib-object.h>
#include <fontconfig/fontconfig.h>

typedef struct _PangoLayout PangoLayout;
typedef struct _PangoContext PangoContext;
typedef struct _PangoFontDescription PangoFontDescription;
typedef struct _PangoRectangle { int x; int y; int width; int height; } PangoRectangle;
typedef struct _PangoFontMap PangoFontMap;
typedef struct _PangoMatrix PangoMatrix;

#define VIZ_PANGO_SCALE 1024

extern PangoLayout *pango_cairo_create_layout(cairo_t *cr);
extern void pango_cairo_show_layout(cairo_t *cr, PangoLayout *layout);
extern void pango_cairo_context_set_font_options(PangoContext *context, const cairo_font_options_t *options);
extern PangoContext *pango_layout_get_context(PangoLayout *layout);
extern void pango_layout_context_changed(PangoLayout *layout);
extern void pango_layout_set_text(PangoLayout *layout, const char *text, int length);
extern void pango_layout_set_font_description(PangoLayout *layout, const PangoFontDescription *desc);
extern void pango_layout_get_extents(PangoLayout *layout, PangoRectangle *ink_rect, PangoRectangle *logical_rect);
extern int pango_layout_get_baseline(PangoLayout *layout);
extern PangoFontDescription *pango_font_description_from_string(const char *str);
extern void pango_font_description_set_absolute_size(PangoFontDescription *desc, double size);
extern void pango_font_description_free(PangoFontDescription *desc);
extern void pango_context_set_round_glyph_positions(PangoContext *context, gboolean round_positions);
extern void pango_context_set_matrix(PangoContext *context, const PangoMatrix *matrix);

#endif
