// An independent reference for the flow cell's limiting current: the Graetz–Leveque problem marched along the
// channel (no axial diffusion, as in the Graetz and Leveque analyses):
//   u(y) dc/dx = D d2c/dy2,  u = 6 U (y/h)(1 - y/h),  c(0,y) = c0,  c(x,0) = 0 (electrode),  dc/dy(x,h) = 0,
// finite volumes in y on a cosine-graded mesh, implicit Euler in x with steps growing geometrically from the leading
// edge, each error removed by Richardson extrapolation (first order in x, second order in y). The average wall flux
// over [0, L] follows exactly from the discrete balance: sum_j u_j dy_j (c0 - c_j(L)) / L.
// Plain C on purpose: it shares no code with the solver it checks.
#pragma once

#include <math.h>
#include <stdlib.h>

// Average flux over [0, L] (mol m^-2 s^-1) with ny cells and the x steps refined `level` times by halving.
static double AzGraetzMarch(double h, double U, double D, double L, double c0, int ny, int level)
{
  double *y = malloc((ny + 1) * sizeof(double)), *u = malloc(ny * sizeof(double)), *dy = malloc(ny * sizeof(double));
  double *c = malloc(ny * sizeof(double)), *a = malloc(ny * sizeof(double)), *b = malloc(ny * sizeof(double));
  double *d = malloc(ny * sizeof(double)), *r = malloc(ny * sizeof(double)), *g = malloc((ny + 1) * sizeof(double));
  double  x = 0, dx0 = 1e-9 * L, dxmax = L / 2000, flux = 0;

  for (int j = 0; j <= ny; j++) y[j] = h * (1 - cos(0.5 * 3.14159265358979323846 * j / ny));
  for (int j = 0; j < ny; j++) {
    const double y0 = y[j] / h, y1 = y[j + 1] / h;
    dy[j] = y[j + 1] - y[j];
    u[j]  = 6 * U * ((y1 * y1 - y0 * y0) / 2 - (y1 * y1 * y1 - y0 * y0 * y0) / 3) / (y1 - y0);
    c[j]  = c0;
  }
  // conductances D / distance between centres (g[0]: wall to first centre; g[ny] = 0: the insulating wall)
  g[0] = D / (0.5 * dy[0]);
  for (int j = 1; j < ny; j++) g[j] = D / (0.5 * (dy[j - 1] + dy[j]));
  g[ny] = 0;
  for (double step = dx0; x < L;) {
    double s = fmin(step, L - x);
    for (int sub = 0; sub < (1 << level); sub++) {
      const double dxs = s / (1 << level);
      // tridiagonal: (u dy / dx + g_j + g_j+1) c_j - g_j c_j-1 - g_j+1 c_j+1 = u dy / dx c_j^old
      for (int j = 0; j < ny; j++) {
        const double m = u[j] * dy[j] / dxs;
        a[j]           = j ? -g[j] : 0;
        d[j]           = m + g[j] + g[j + 1];
        b[j]           = j < ny - 1 ? -g[j + 1] : 0;
        r[j]           = m * c[j];
      }
      for (int j = 1; j < ny; j++) {  // Thomas algorithm
        const double w = a[j] / d[j - 1];
        d[j] -= w * b[j - 1];
        r[j] -= w * r[j - 1];
      }
      c[ny - 1] = r[ny - 1] / d[ny - 1];
      for (int j = ny - 2; j >= 0; j--) c[j] = (r[j] - b[j] * c[j + 1]) / d[j];
    }
    x += s;
    step = fmin(step * 1.02, dxmax);
  }
  for (int j = 0; j < ny; j++) flux += u[j] * dy[j] * (c0 - c[j]);
  free(y), free(u), free(dy), free(c), free(a), free(b), free(d), free(r), free(g);
  return flux / L;
}

// Richardson-extrapolated average flux; *err estimates its relative error (difference of two extrapolations).
static double AzGraetzReference(double h, double U, double D, double L, double c0, double *err)
{
  const int ny = 400;
  // x: first order -> 2 F(level+1) - F(level); y: second order -> (4 F(2ny) - F(ny)) / 3
  const double fx0  = 2 * AzGraetzMarch(h, U, D, L, c0, ny, 1) - AzGraetzMarch(h, U, D, L, c0, ny, 0);
  const double fx1  = 2 * AzGraetzMarch(h, U, D, L, c0, 2 * ny, 1) - AzGraetzMarch(h, U, D, L, c0, 2 * ny, 0);
  const double fx2  = 2 * AzGraetzMarch(h, U, D, L, c0, 2 * ny, 2) - AzGraetzMarch(h, U, D, L, c0, 2 * ny, 1);
  const double best = (4 * fx1 - fx0) / 3;
  *err              = fmax(fabs(fx2 - fx1), fabs(best - fx1)) / fabs(best);
  return best;
}
