// Viscosity of the electrolyte, for the Stokes-Einstein correction of dissolved-gas diffusivities.
//
// Laliberté, J. Chem. Eng. Data 52, 321 (2007) mixing rule, with the parameters of Laliberté, J. Chem. Eng. Data 54,
// 1725 (2009) (transcribed in CalebBell/chemicals, Laliberte2009.tsv):
//   ln mu_m = w_w ln mu_w + sum_i w_i ln mu_i,
//   mu_i = exp[(v1 (1 - w_w)^v2 + v3)/(v4 t + 1)] / (v5 (1 - w_w)^v6 + 1)   (mPa s, t in °C),
// w the mass fractions. Molarities are turned into mass fractions with the solution density of Laliberté & Cooper,
// J. Chem. Eng. Data 49, 1141 (2004) (same 2009 parameter set):
//   1/rho_m = w_w/rho_w + sum_i w_i/rho_app,i,   rho_app,i = (c0 (1 - w_w) + c1) exp(1e-6 (t + c4)^2)/((1 - w_w) + c2 + c3 t).
// Each salt's parameters are used only inside the temperature and mass-fraction ranges of the data they were fitted
// to (Laliberté 2009). Only salts whose transcribed parameters reproduce the CRC Handbook viscosities at
// 20 °C within 2 % are included (tests/unit/test_transport.c); left out: NaOH (the transcription gives 9 % less than
// the CRC table), K2CO3 and KH2PO4 (3-5 % off), Li2SO4, LiOH, LiNO3 (no CRC data to check them against), KHCO3,
// K2HPO4, K3PO4 (fitted at 25 °C only) and the perchlorates (no parameters). For those, or outside the ranges, no
// correction is made and the caller is told so: the viscosity is then that of water.
#include <azote/private/thermoimpl.h>

typedef struct {
  const char *formula;
  PetscReal   c[5], rho_tmin, rho_tmax, rho_wmax;  // density: -, -, -, °C^-1, °C; °C, °C, -
  PetscReal   v[6], mu_tmin, mu_tmax, mu_wmax;     // viscosity: -, -, -, °C^-1, -, -; °C, °C, -
} AzLaliberteData;

// clang-format off
static const AzLaliberteData az_laliberte[] = {
  {"KOH",     {821.119043254761, 1043.20173374381, 0.112873330222752, 0.00124023636407386, 539.630388368877}, 4, 95, 0.51861,
              {57.4198157197363, 3.80481406171296, 2.62270093659636, 0.0103144776487057, 5202.71048053244, 10.9425874221815}, -14.1, 40, 0.51861},
  {"KCl",     {-0.855928945959145, 6.04073571306402, 2.81787416217166, 0.0253924645877338, 2681.61723465886}, 5, 125, 0.264280379722009,
              {6.48805967116487, 1.31753131265255, -0.777820552977139, 0.0927156022360008, -1.30020256174307, 2.08120731758225}, 5, 150, 0.305566941364246},
  {"NaCl",    {-0.00324112223655149, 0.0636354335906616, 1.01371399467365, 0.0145951015210159, 3317.34854426537}, 0, 140, 0.26589930421877,
              {16.221788633396, 1.32293086770011, 1.48485985010431, 0.00746912559657377, 30.7802007540575, 2.05826852322558}, 5, 154, 0.264456748962402},
  {"LiCl",    {1777.71168869463, 208.095675885873, 0.0924032897423372, -0.0000965138194640463, -303.212122198705}, -5, 127.05, 0.4539,
              {18.6178234588751, 0.773036318483134, 2.15660166137342, 0.00435445218019151, 1023.45333257758, 2.38089336779273}, -5, 100, 0.46},
  {"HCl",     {0.000283872260482906, 0.00394946957169882, 2.85020047681807, -0.0157747012568046, -3766.20868665006}, 5, 98.82, 0.375698567711746,
              {10.3259686042518, 1.71378270014506, 1.48613181961032, 0.00127907449231391, 23.7644188926256, 2.1827423115052}, 10, 42.5, 0.36},
  {"K2SO4",   {0.00000710599369467468, 0.000046555866279207, 0.349566841181191, 0.00751053641501126, 4200.09377806549}, 0, 98.67, 0.1515,
              {18.9683606630469, 0.243208827264251, -3.21551610925377, 0.000933793433022017, 129432.401220151, 2.39191765356123}, 0, 89.5, 0.154676370891761},
  {"Na2SO4",  {0.00000445025449497252, 0.00000912086519621226, 0.0840358370073922, 0.00465767525381795, 4349.50513887423}, 0, 125, 0.325190633645995,
              {26.519030558821, 1.57461388862123, 3.49662845657778, 0.0103879555384097, 106.225284686677, 2.97377111982723}, 15, 150, 0.331293819357543},
  {"H2SO4",   {70.8395152347122, 142.352693909248, 0.68779459618793, 0.00649299683206703, 1667.23864629522}, -11.15, 75, 0.782,
              {7.77699477516578, 1.23443056779035, 1.91643392633129, 0.00563631536944214, 46.0065393457232, 2.83071965329322}, -10, 75, 0.782},
  {"KNO3",    {1.49068709973892, 6.67292354651383, 1.47150749460911, 0.0155872679453073, 2539.22687484937}, 5, 95, 0.283965696256165,
              {12.2187821226243, 0.217809708146926, -4.08235067923183, 0.00107448213787828, 757.655012948568, 1.34568475185849}, 15, 60, 0.494973578282202},
  {"NaNO3",   {22.3499264791804, 66.4478689005725, 0.989888301509443, 0.00947165097909636, 1971.5514625204}, 0, 100, 0.489193052084002,
              {6.7313473153146, 1.05612138465955, 0.877718891436357, 0.0107285288664735, 3.05655294565016, 0.955895443778298}, 10, 60, 0.552056248834366},
  {"HNO3",    {0.272070788161643, -0.399605969016834, -2.33691977745914, 0.00662112384275969, -3089.01794099058}, -10, 95, 0.7011,
              {0.0000822640393251524, -1.39718811419252, 0.11961884204502, -0.0199197916008091, -1.44481163970687, 0.906940098315068}, 4, 25, 0.308600425720215},
  {"NaHCO3",  {0.0377378060615898, 0.00710029652458366, 0.0735733388535116, 0.00168369765511221, 3291.38382252025}, 0, 125, 0.126441643582641,
              {31.5819207092739, 0.0794532561718167, -16.9096255040761, 0.0013751751230389, 44188.6551718116, 1.88902235502575}, 20, 30, 0.0844392776489258},
  {"Na2CO3",  {0.000000545486543455015, 0.000000172154929405038, -0.0825850207323492, 0.00168822949783412, 4705.39822185746}, 0, 100.14, 0.209376238305078,
              {27.6831996816743, 1.56324040665499, 6.80529471973068, 0.0150777050822261, 22452.3440720574, 28.2362397327323}, 20, 90, 0.308548927307129},
  {"NaH2PO4", {1614.75236436149, 1267.61449182737, 0.331039480071181, 0.00125354906642541, 347.040108092145}, 25, 45, 0.357099747184555,
              {19.9364131324086, 0.103175620883031, -4.31073888952754, 0.00280817363355542, 25365.4130865702, 1.2632453720635}, 20, 50, 0.2997},
  {"Na2HPO4", {0.000000027133480799362, 0.00000000829830060458641, -0.0474351837193672, 0.00259472063870609, 5012.93652490163}, 25, 45, 0.0766,
              {-70.6112626366312, 0.000284320206986714, 70.8120391054964, -0.0172410884014679, -1.01468030945696, 0.012449835806106}, 20, 50, 0.0987},
  {"Na3PO4",  {155.804085307097, 251.218167358366, -0.163160740820224, 0.000301220796704921, 1298.06956536295}, 25, 80, 0.3,
              {25.155119950393, 0.551461095083463, 12.2188262482389, 0.00233381035504977, 6965445.67542483, 1.8308806953571}, 19.95, 49.95, 0.07584},
};
// clang-format on

static const AzLaliberteData *AzLaliberteFind(const char formula[])
{
  for (size_t k = 0; k < sizeof(az_laliberte) / sizeof(az_laliberte[0]); k++)
    if (!strcmp(az_laliberte[k].formula, formula)) return &az_laliberte[k];
  return NULL;
}

// ln mu = w_w ln mu_w + sum_i w_i ln mu_i (Laliberte 2007, above), where every salt has checked parameters.
PetscErrorCode AzElectrolyteViscosity(PetscReal T, const AzElectrolyte *el, PetscReal *mu, PetscBool *corrected, char reason[], size_t len)
{
  const AzLaliberteData *d[AZ_MAX_SALTS];
  PetscReal              t = T - 273.15, rho_w, mu_w, rho_m, w[AZ_MAX_SALTS], w_solute = 0, ln_mu;  // °C, kg/m3, Pa s

  PetscFunctionBeginUser;
  PetscCall(AzCheckRange("temperature", T, "K", AZ_T_MIN, 373.15, "electrolyte viscosity"));
  PetscCall(AzWaterDensity(T, &rho_w));
  PetscCall(AzWaterViscosity(T, rho_w, &mu_w));
  *mu        = mu_w;
  *corrected = PETSC_FALSE;
  if (reason && len) reason[0] = 0;
  if (!el || el->nsalt == 0) {
    if (reason) PetscCall(PetscStrncpy(reason, "pure water", len));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  for (PetscInt k = 0; k < el->nsalt; k++) {
    d[k] = AzLaliberteFind(AzSaltName(el->salt[k]));
    if (!d[k]) {
      if (reason) PetscCall(PetscSNPrintf(reason, len, "no Laliberte viscosity parameters for %s", AzSaltName(el->salt[k])));
      PetscFunctionReturn(PETSC_SUCCESS);
    }
    if (t < d[k]->mu_tmin || t > d[k]->mu_tmax || t < d[k]->rho_tmin || t > d[k]->rho_tmax) {
      if (reason)
        PetscCall(PetscSNPrintf(reason, len, "T = %.6g K is outside the %.6g-%.6g °C of the Laliberte fits for %s", (double)T,
                                (double)PetscMax(d[k]->mu_tmin, d[k]->rho_tmin), (double)PetscMin(d[k]->mu_tmax, d[k]->rho_tmax),
                                AzSaltName(el->salt[k])));
      PetscFunctionReturn(PETSC_SUCCESS);
    }
  }
  // Mass fractions w_i = c_i M_i / rho_m need the solution density, which depends on them: fixed-point iteration,
  // a contraction since rho_m changes by a few per cent at most.
  rho_m = rho_w;
  for (PetscInt it = 0; it < 50; it++) {
    PetscReal inv = 0, rho_old = rho_m;
    w_solute = 0;
    for (PetscInt k = 0; k < el->nsalt; k++) {
      w[k] = 1000 * el->c_salt[k] * AzSaltGet(el->salt[k])->M / rho_m;
      w_solute += w[k];
    }
    PetscCheck(w_solute < 1, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT, "electrolyte '%s' is more salt than solution: check the mol/L",
               el->spec);
    inv = (1 - w_solute) / rho_w;
    for (PetscInt k = 0; k < el->nsalt; k++) {
      const PetscReal *c = d[k]->c;
      inv += w[k] * (w_solute + c[2] + c[3] * t) / ((c[0] * w_solute + c[1]) * PetscExpReal(1e-6 * PetscSqr(t + c[4])));
    }
    rho_m = 1 / inv;
    if (PetscAbsReal(rho_m - rho_old) < 1e-12 * rho_m) break;
  }
  if (w_solute == 0) {  // only zero concentrations: water (and the solute terms would be 0 * log(inf))
    *corrected = PETSC_TRUE;
    if (reason) PetscCall(PetscStrncpy(reason, "pure water", len));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  for (PetscInt k = 0; k < el->nsalt; k++) {
    if (w[k] > PetscMin(d[k]->mu_wmax, d[k]->rho_wmax)) {
      if (reason)
        PetscCall(PetscSNPrintf(reason, len, "mass fraction %.3g of %s exceeds the %.3g of the Laliberte fit", (double)w[k],
                                AzSaltName(el->salt[k]), (double)PetscMin(d[k]->mu_wmax, d[k]->rho_wmax)));
      PetscFunctionReturn(PETSC_SUCCESS);
    }
  }
  ln_mu = (1 - w_solute) * PetscLogReal(mu_w * 1e3);
  for (PetscInt k = 0; k < el->nsalt; k++) {
    const PetscReal *v = d[k]->v;
    PetscReal        mu_i =
        PetscExpReal((v[0] * PetscPowReal(w_solute, v[1]) + v[2]) / (v[3] * t + 1)) / (v[4] * PetscPowReal(w_solute, v[5]) + 1);  // mPa s
    ln_mu += w[k] * PetscLogReal(mu_i);
  }
  *mu        = 1e-3 * PetscExpReal(ln_mu);
  *corrected = PETSC_TRUE;
  if (reason) PetscCall(PetscStrncpy(reason, "Laliberte 2007/2009", len));
  PetscFunctionReturn(PETSC_SUCCESS);
}
