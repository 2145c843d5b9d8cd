#ifndef DLPLOT_CWEBP_SHIM_H
#define DLPLOT_CWEBP_SHIM_H
/* libwebp linked directly, for the tests' WebP decoder only (dlplot itself opens libwebp at run time: CCodecs). */
#include <webp/encode.h>
#include <webp/mux.h>
#include <webp/demux.h>
#endif
