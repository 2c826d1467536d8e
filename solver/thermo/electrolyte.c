// Density and viscosity of aqueous electrolytes: the Laliberté model.
//
// Density, Laliberté & Cooper, J. Chem. Eng. Data 49, 1141 (2004):
//   1/rho_m = w_w/rho_w + sum_i w_i/rho_app,i,
//   rho_app,i = (c0 (1 - w_w) + c1) exp(1e-6 (t + c4)^2) / ((1 - w_w) + c2 + c3 t)   (kg m^-3, t in °C).
// Viscosity, Laliberté, J. Chem. Eng. Data 52, 321 (2007):
//   ln mu_m = w_w ln mu_w + sum_i w_i ln mu_i,
//   mu_i = exp[(v1 (1 - w_w)^v2 + v3)/(v4 t + 1)] / (v5 (1 - w_w)^v6 + 1)   (mPa s),
// w the mass fractions, with the parameters of Laliberté, J. Chem. Eng. Data 54, 1725 (2009) (transcribed in
// CalebBell/chemicals, Laliberte2009.tsv; each row below states its fitted ranges). Laliberté reports standard
// deviations of 1.4 kg m^-3 (density) and 3.7 % (viscosity) over his whole databases.
//
// Where a state lies outside a salt's fitted range the model is extrapolated (temperature, or the density's mass
// fraction) and a property warning says so; where a salt has no usable viscosity parameters (or its mass fraction is
// beyond the viscosity fit) the viscosity of water stands in, and a warning says that. Viscosity parameters are used
// only for salts whose transcription reproduces the CRC Handbook at 20 °C within 2 % (tests/unit/test_diffusivity.c)
// or, for MgCl2, CaCl2, MgSO4, the seawater viscosity of Sharqawy et al. (2010) within 1.5 % (tests/unit/test_seawater.c);
// NaOH's transcribed parameters give 9 % less than the CRC table at 5 mass-% and are left out.
#include <azote/private/thermoimpl.h>

// clang-format off
static const AzLaliberteData az_laliberte[] = {
  /* salt, density c0..c4, density T range (°C) and max mass fraction, viscosity usable, v1..v6, viscosity T range and max w */
  {"KOH", {821.119043254761, 1043.20173374381, 0.112873330222752, 0.00124023636407386, 539.630388368877}, 4, 95, 0.51861, PETSC_TRUE, {57.4198157197363, 3.80481406171296, 2.62270093659636, 0.0103144776487057, 5202.71048053244, 10.9425874221815}, -14.1, 40, 0.51861},
  {"NaOH", {319.020509469838, 528.592358475315, -0.102197896602724, 0.000350420706415566, 765.970470238438}, 4, 120, 0.502885546184013, PETSC_FALSE, {0, 0, 0, 0, 0, 0}, 0, 0, 0},
  {"KCl", {-0.855928945959145, 6.04073571306402, 2.81787416217166, 0.0253924645877338, 2681.61723465886}, 5, 125, 0.264280379722009, PETSC_TRUE, {6.48805967116487, 1.31753131265255, -0.777820552977139, 0.0927156022360008, -1.30020256174307, 2.08120731758225}, 5, 150, 0.305566941364246},
  {"NaCl", {-0.00324112223655149, 0.0636354335906616, 1.01371399467365, 0.0145951015210159, 3317.34854426537}, 0, 140, 0.26589930421877, PETSC_TRUE, {16.221788633396, 1.32293086770011, 1.48485985010431, 0.00746912559657377, 30.7802007540575, 2.05826852322558}, 5, 154, 0.264456748962402},
  {"LiCl", {1777.71168869463, 208.095675885873, 0.0924032897423372, -0.0000965138194640463, -303.212122198705}, -5, 127.05, 0.4539, PETSC_TRUE, {18.6178234588751, 0.773036318483134, 2.15660166137342, 0.00435445218019151, 1023.45333257758, 2.38089336779273}, -5, 100, 0.46},
  {"HCl", {0.000283872260482906, 0.00394946957169882, 2.85020047681807, -0.0157747012568046, -3766.20868665006}, 5, 98.8200000000001, 0.375698567711746, PETSC_TRUE, {10.3259686042518, 1.71378270014506, 1.48613181961032, 0.00127907449231391, 23.7644188926256, 2.1827423115052}, 10, 42.5, 0.36},
  {"K2SO4", {0.00000710599369467468, 0.000046555866279207, 0.349566841181191, 0.00751053641501126, 4200.09377806549}, 0, 98.67, 0.1515, PETSC_TRUE, {18.9683606630469, 0.243208827264251, -3.21551610925377, 0.000933793433022017, 129432.401220151, 2.39191765356123}, 0, 89.5, 0.154676370891761},
  {"Na2SO4", {0.00000445025449497252, 0.00000912086519621226, 0.0840358370073922, 0.00465767525381795, 4349.50513887423}, 0, 125, 0.325190633645995, PETSC_TRUE, {26.519030558821, 1.57461388862123, 3.49662845657778, 0.0103879555384097, 106.225284686677, 2.97377111982723}, 15, 150, 0.331293819357543},
  {"H2SO4", {70.8395152347122, 142.352693909248, 0.68779459618793, 0.00649299683206703, 1667.23864629522}, -11.15, 75, 0.782, PETSC_TRUE, {7.77699477516578, 1.23443056779035, 1.91643392633129, 0.00563631536944214, 46.0065393457232, 2.83071965329322}, -10, 75, 0.782},
  {"KNO3", {1.49068709973892, 6.67292354651383, 1.47150749460911, 0.0155872679453073, 2539.22687484937}, 5, 95, 0.283965696256165, PETSC_TRUE, {12.2187821226243, 0.217809708146926, -4.08235067923183, 0.00107448213787828, 757.655012948568, 1.34568475185849}, 15, 60, 0.494973578282202},
  {"NaNO3", {22.3499264791804, 66.4478689005725, 0.989888301509443, 0.00947165097909636, 1971.5514625204}, 0, 100, 0.489193052084002, PETSC_TRUE, {6.7313473153146, 1.05612138465955, 0.877718891436357, 0.0107285288664735, 3.05655294565016, 0.955895443778298}, 10, 60, 0.552056248834366},
  {"HNO3", {0.272070788161643, -0.399605969016834, -2.33691977745914, 0.00662112384275969, -3089.01794099058}, -10, 95, 0.7011, PETSC_TRUE, {0.0000822640393251524, -1.39718811419252, 0.11961884204502, -0.0199197916008091, -1.44481163970687, 0.906940098315068}, 4, 25, 0.308600425720215},
  {"NaHCO3", {0.0377378060615898, 0.00710029652458366, 0.0735733388535116, 0.00168369765511221, 3291.38382252025}, 0, 125, 0.126441643582641, PETSC_TRUE, {31.5819207092739, 0.0794532561718167, -16.9096255040761, 0.0013751751230389, 44188.6551718116, 1.88902235502575}, 20, 30, 0.0844392776489258},
  {"KHCO3", {0.0458479253730966, 0.0749127808255568, 0.505766905030703, 0.00643951863958203, 3163.65175558093}, 5, 95, 0.343778550607287, PETSC_FALSE, {0, 0, 0, 0, 0, 0}, 0, 0, 0},
  {"Na2CO3", {0.000000545486543455015, 0.000000172154929405038, -0.0825850207323492, 0.00168822949783412, 4705.39822185746}, 0, 100.14, 0.209376238305078, PETSC_TRUE, {27.6831996816743, 1.56324040665499, 6.80529471973068, 0.0150777050822261, 22452.3440720574, 28.2362397327323}, 20, 90, 0.308548927307129},
  {"K2CO3", {2290.10867876218, 1038.77363895405, 0.109769327294915, 0.000497783340935823, -74.0786862142127}, 5, 95, 0.360581132643253, PETSC_FALSE, {0, 0, 0, 0, 0, 0}, 0, 0, 0},
  {"NaH2PO4", {1614.75236436149, 1267.61449182737, 0.331039480071181, 0.00125354906642541, 347.040108092145}, 25, 45, 0.357099747184555, PETSC_TRUE, {19.9364131324086, 0.103175620883031, -4.31073888952754, 0.00280817363355542, 25365.4130865702, 1.2632453720635}, 20, 50, 0.2997},
  {"Na2HPO4", {0.000000027133480799362, 0.00000000829830060458641, -0.0474351837193672, 0.00259472063870609, 5012.93652490163}, 25, 45, 0.0766, PETSC_TRUE, {-70.6112626366312, 0.000284320206986714, 70.8120391054964, -0.0172410884014679, -1.01468030945696, 0.012449835806106}, 20, 50, 0.0987},
  {"Na3PO4", {155.804085307097, 251.218167358366, -0.163160740820224, 0.000301220796704921, 1298.06956536295}, 25, 80, 0.3, PETSC_TRUE, {25.155119950393, 0.551461095083463, 12.2188262482389, 0.00233381035504977, 6965445.67542483, 1.8308806953571}, 19.95, 49.95, 0.07584},
  {"MgCl2", {-0.0215001423271867, 0.0441202083909434, 1.53227586827304, -0.0098078506056196, -3478.36496883693}, 0, 98.67, 0.323755961314361, PETSC_TRUE, {35.3996277859551, 2.73271428999181, 3.92973827779435, 0.0204320817584697, -1.11964615409186, 0.14494238171532}, 15, 70, 0.385555624414288},
  {"CaCl2", {-9.72893747074295, 14.7005352975276, 4.19033341468332, 0.0397403624277021, 2708.12778894614}, 15, 126.7, 0.5132, PETSC_TRUE, {32.0143699446531, 0.788104085857794, -1.14120453890547, 0.00270010693201763, 776516.746907194, 5.83888130672249}, 0, 100, 0.5132},
  {"MgSO4", {98.1201663080777, 59.265764731786, -0.0303404982114453, 0.000503619228557116, 1763.7594229147}, 0, 125, 0.268169549776151, PETSC_TRUE, {75.332237160797, 2.22798929550577, 6.58441504882381, 0.00784500761585228, 1650.84454992458, 5.48823459576185}, 15, 150, 0.300789833068848},
};
// clang-format on

const AzLaliberteData *AzLaliberteFind(const char formula[])
{
  for (size_t k = 0; k < sizeof(az_laliberte) / sizeof(az_laliberte[0]); k++)
    if (!strcmp(az_laliberte[k].formula, formula)) return &az_laliberte[k];
  return NULL;
}

// The apparent density of salt d at the total solute mass fraction w_solute and t (°C), kg m^-3 (Laliberté & Cooper).
static PetscReal AzApparentDensity(const AzLaliberteData *d, PetscReal w_solute, PetscReal t)
{
  const PetscReal *c = d->c;
  return (c[0] * w_solute + c[1]) * PetscExpReal(1e-6 * PetscSqr(t + c[4])) / (w_solute + c[2] + c[3] * t);
}

// Mass fractions and density of the solution from the molarities: w_i = c_i M_i / rho_m, rho_m from the mass fractions
// (a fixed-point iteration, a contraction since the density changes by tens of per cent at most). Salts without
// density parameters count at the density of water (flagged in *missing).
static PetscErrorCode AzElectrolyteMassFractions(PetscReal T, const AzElectrolyte *el, const AzLaliberteData *d[], PetscReal w[],
                                                 PetscReal *w_solute, PetscReal *rho_m)
{
  PetscReal t = T - 273.15, rho_w;  // °C, kg m^-3

  PetscFunctionBeginUser;
  PetscCall(AzWaterDensity(T, &rho_w));
  *rho_m = rho_w;
  for (PetscInt it = 0; it < 100; it++) {
    PetscReal inv, rho_old = *rho_m;
    *w_solute = 0;
    for (PetscInt k = 0; k < el->nsalt; k++) {
      w[k] = 1000 * el->c_salt[k] * AzSaltGet(el->salt[k])->M / *rho_m;
      *w_solute += w[k];
    }
    PetscCheck(*w_solute < 0.9, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT,
               "electrolyte '%s' is %.3g mass-%% salt: more than any aqueous solution holds; check the mol/L", el->spec,
               (double)(100 * *w_solute));
    inv = (1 - *w_solute) / rho_w;
    for (PetscInt k = 0; k < el->nsalt; k++) inv += w[k] / (d[k] ? AzApparentDensity(d[k], *w_solute, t) : rho_w);
    *rho_m = 1 / inv;
    if (PetscAbsReal(*rho_m - rho_old) < 1e-12 * *rho_m) break;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzElectrolyteDensity(PetscReal T, const AzElectrolyte *el, PetscReal *rho, PetscReal *water_kg_per_L, AzPropWarnings *warn)
{
  const AzLaliberteData *d[AZ_MAX_SALTS];
  PetscReal              w[AZ_MAX_SALTS], w_solute = 0, t = T - 273.15;  // -, -, °C

  PetscFunctionBeginUser;
  PetscCall(AzCheckRange("temperature", T, "K", AZ_T_MIN, 373.15, "electrolyte density"));
  if (!el || el->nsalt == 0) {
    PetscCall(AzWaterDensity(T, rho));
    if (water_kg_per_L) *water_kg_per_L = *rho / 1000;
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  for (PetscInt k = 0; k < el->nsalt; k++) d[k] = AzLaliberteFind(AzSaltName(el->salt[k]));
  PetscCall(AzElectrolyteMassFractions(T, el, d, w, &w_solute, rho));
  for (PetscInt k = 0; k < el->nsalt; k++) {
    if (el->c_salt[k] == 0) continue;
    if (!d[k])
      PetscCall(AzPropWarningsAdd(warn, "density: no Laliberte-Cooper parameters for %s; its volume is counted as water's",
                                  AzSaltName(el->salt[k])));
    else if (t < d[k]->rho_tmin || t > d[k]->rho_tmax || w[k] > d[k]->rho_wmax)
      PetscCall(AzPropWarningsAdd(
          warn, "density of %s extrapolated: T = %.2f K, %.3g mass-%% (Laliberte-Cooper fit: %g-%g °C, up to %.3g mass-%%)",
          AzSaltName(el->salt[k]), (double)T, (double)(100 * w[k]), (double)d[k]->rho_tmin, (double)d[k]->rho_tmax,
          (double)(100 * d[k]->rho_wmax)));
  }
  if (water_kg_per_L) *water_kg_per_L = (1 - w_solute) * *rho / 1000;
  PetscFunctionReturn(PETSC_SUCCESS);
}

// ln mu = w_w ln mu_w + sum_i w_i ln mu_i (Laliberté 2007, above). *status: 0 within the fits, 1 temperature
// extrapolated, 2 water's viscosity (no usable parameters, or beyond the fitted mass fraction); reason[] says why.
static PetscErrorCode AzElectrolyteViscosity_Private(PetscReal T, const AzElectrolyte *el, PetscReal *mu, PetscInt *status, char reason[],
                                                     size_t len)
{
  const AzLaliberteData *d[AZ_MAX_SALTS];
  PetscReal              t = T - 273.15, rho_w, mu_w, rho_m, w[AZ_MAX_SALTS], w_solute = 0, ln_mu;  // °C, kg/m3, Pa s

  PetscFunctionBeginUser;
  PetscCall(AzCheckRange("temperature", T, "K", AZ_T_MIN, 373.15, "electrolyte viscosity"));
  PetscCall(AzWaterDensity(T, &rho_w));
  PetscCall(AzWaterViscosity(T, rho_w, &mu_w));
  *mu     = mu_w;
  *status = 0;
  PetscCall(PetscStrncpy(reason, "pure water", len));
  if (!el || el->nsalt == 0) PetscFunctionReturn(PETSC_SUCCESS);
  for (PetscInt k = 0; k < el->nsalt; k++) {
    d[k] = AzLaliberteFind(AzSaltName(el->salt[k]));
    if (el->c_salt[k] > 0 && (!d[k] || !d[k]->mu_ok)) {
      *status = 2;
      PetscCall(PetscSNPrintf(reason, len, "no checked Laliberte viscosity parameters for %s: the viscosity of water is used",
                              AzSaltName(el->salt[k])));
      PetscFunctionReturn(PETSC_SUCCESS);
    }
  }
  PetscCall(AzElectrolyteMassFractions(T, el, d, w, &w_solute, &rho_m));
  if (w_solute == 0) PetscFunctionReturn(PETSC_SUCCESS);  // only zero concentrations: water (0 * log(inf) avoided)
  for (PetscInt k = 0; k < el->nsalt; k++) {
    if (w[k] > d[k]->mu_wmax) {
      *status = 2;
      PetscCall(PetscSNPrintf(reason, len,
                              "mass fraction %.3g of %s exceeds the %.3g of the Laliberte viscosity fit: the viscosity of water is used",
                              (double)w[k], AzSaltName(el->salt[k]), (double)d[k]->mu_wmax));
      PetscFunctionReturn(PETSC_SUCCESS);
    }
  }
  PetscCall(PetscStrncpy(reason, "Laliberte 2007/2009", len));
  for (PetscInt k = 0; k < el->nsalt; k++) {
    if (w[k] > 0 && (t < d[k]->mu_tmin || t > d[k]->mu_tmax)) {
      *status = 1;
      PetscCall(PetscSNPrintf(reason, len, "viscosity of %s extrapolated to T = %.2f K (Laliberte fit: %g-%g °C)", AzSaltName(el->salt[k]),
                              (double)T, (double)d[k]->mu_tmin, (double)d[k]->mu_tmax));
    }
  }
  ln_mu = (1 - w_solute) * PetscLogReal(mu_w * 1e3);
  for (PetscInt k = 0; k < el->nsalt; k++) {
    const PetscReal *v = d[k]->v;
    PetscReal        mu_i =
        PetscExpReal((v[0] * PetscPowReal(w_solute, v[1]) + v[2]) / (v[3] * t + 1)) / (v[4] * PetscPowReal(w_solute, v[5]) + 1);  // mPa s
    if (w[k] > 0) ln_mu += w[k] * PetscLogReal(mu_i);
  }
  *mu = 1e-3 * PetscExpReal(ln_mu);
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzElectrolyteViscosity(PetscReal T, const AzElectrolyte *el, PetscReal *mu, PetscBool *corrected, char reason[], size_t len)
{
  char     buf[AZ_PROP_WARNING_LEN];
  PetscInt status;

  PetscFunctionBeginUser;
  PetscCall(AzElectrolyteViscosity_Private(T, el, mu, &status, buf, sizeof(buf)));
  *corrected = (PetscBool)(status < 2);
  if (reason && len) PetscCall(PetscStrncpy(reason, buf, len));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzElectrolyteViscosityW(PetscReal T, const AzElectrolyte *el, PetscReal *mu, PetscBool *corrected, AzPropWarnings *w)
{
  char     buf[AZ_PROP_WARNING_LEN];
  PetscInt status;

  PetscFunctionBeginUser;
  PetscCall(AzElectrolyteViscosity_Private(T, el, mu, &status, buf, sizeof(buf)));
  *corrected = (PetscBool)(status < 2);
  if (status) PetscCall(AzPropWarningsAdd(w, "%s", buf));
  PetscFunctionReturn(PETSC_SUCCESS);
}
