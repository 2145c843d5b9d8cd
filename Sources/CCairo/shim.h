#ifndef DLPLOT_CCAIRO_SHIM_H
#define DLPLOT_CCAIRO_SHIM_H
#include <cairo.h>
#include <cairo-svg.h>
#include <cairo-pdf.h>
#include <glib-object.h>
#endif
