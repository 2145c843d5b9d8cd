#ifndef DLPLOT_CPNG_SHIM_H
#define DLPLOT_CPNG_SHIM_H
#include <png.h>
#endif
