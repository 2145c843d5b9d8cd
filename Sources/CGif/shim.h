#ifndef DLPLOT_CGIF_SHIM_H
#define DLPLOT_CGIF_SHIM_H
/* giflib linked directly, for the tests' GIF decoder only (dlplot itself opens giflib at run time: CCodecs). */
#include <gif_lib.h>
#endif
