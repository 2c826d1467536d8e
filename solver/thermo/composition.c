// Parsing of the gas feed ("N2:0.78084,O2:0.209476") and of the electrolyte ("KCl:0.1,KOH:0.01") strings.
//
// Salts are taken as fully dissociated strong electrolytes; the ions they release are those of the salting-out
// table (salting.c). Where that is a simplification it says so below (H2SO4, carbonates, phosphates).
#include <azote/private/thermoimpl.h>
#include <ctype.h>
#include <stdlib.h>

// Molar masses from IUPAC standard atomic weights.
// clang-format off
static const AzSaltData az_salts[] = {
  {"KOH",     56.1056e-3,  2, {"K+", "OH-"},         {1, 1}, ""},
  {"NaOH",    39.9971e-3,  2, {"Na+", "OH-"},        {1, 1}, ""},
  {"LiOH",    23.9483e-3,  2, {"Li+", "OH-"},        {1, 1}, ""},
  {"KCl",     74.5513e-3,  2, {"K+", "Cl-"},         {1, 1}, ""},
  {"NaCl",    58.4428e-3,  2, {"Na+", "Cl-"},        {1, 1}, ""},
  {"LiCl",    42.394e-3,   2, {"Li+", "Cl-"},        {1, 1}, ""},
  {"HCl",     36.4609e-3,  2, {"H+", "Cl-"},         {1, 1}, ""},
  {"K2SO4",   174.259e-3,  2, {"K+", "SO4^2-"},      {2, 1}, ""},
  {"Na2SO4",  142.042e-3,  2, {"Na+", "SO4^2-"},     {2, 1}, ""},
  {"Li2SO4",  109.94e-3,   2, {"Li+", "SO4^2-"},     {2, 1}, ""},
  {"H2SO4",   98.079e-3,   2, {"H+", "SO4^2-"},      {2, 1}, "taken as 2 H+ + SO4^2-: the HSO4- of the second dissociation (pKa 1.99) is not in the W-S ion table"},
  {"KNO3",    101.103e-3,  2, {"K+", "NO3-"},        {1, 1}, ""},
  {"NaNO3",   84.9947e-3,  2, {"Na+", "NO3-"},       {1, 1}, ""},
  {"LiNO3",   68.946e-3,   2, {"Li+", "NO3-"},       {1, 1}, ""},
  {"HNO3",    63.0128e-3,  2, {"H+", "NO3-"},        {1, 1}, ""},
  {"LiClO4",  106.39e-3,   2, {"Li+", "ClO4-"},      {1, 1}, ""},
  {"NaClO4",  122.44e-3,   2, {"Na+", "ClO4-"},      {1, 1}, ""},
  {"KClO4",   138.55e-3,   2, {"K+", "ClO4-"},       {1, 1}, ""},
  {"HClO4",   100.46e-3,   2, {"H+", "ClO4-"},       {1, 1}, ""},
  {"KHCO3",   100.115e-3,  2, {"K+", "HCO3-"},       {1, 1}, "no HCO3-/CO3^2-/CO2 speciation"},
  {"NaHCO3",  84.0066e-3,  2, {"Na+", "HCO3-"},      {1, 1}, "no HCO3-/CO3^2-/CO2 speciation"},
  {"K2CO3",   138.205e-3,  2, {"K+", "CO3^2-"},      {2, 1}, "no hydrolysis of CO3^2- to HCO3- + OH-"},
  {"Na2CO3",  105.988e-3,  2, {"Na+", "CO3^2-"},     {2, 1}, "no hydrolysis of CO3^2- to HCO3- + OH-"},
  {"KH2PO4",  136.086e-3,  2, {"K+", "H2PO4-"},      {1, 1}, "no phosphate speciation"},
  {"K2HPO4",  174.176e-3,  2, {"K+", "HPO4^2-"},     {2, 1}, "no phosphate speciation"},
  {"K3PO4",   212.266e-3,  2, {"K+", "PO4^3-"},      {3, 1}, "no hydrolysis of PO4^3-"},
  {"NaH2PO4", 119.977e-3,  2, {"Na+", "H2PO4-"},     {1, 1}, "no phosphate speciation"},
  {"Na2HPO4", 141.959e-3,  2, {"Na+", "HPO4^2-"},    {2, 1}, "no phosphate speciation"},
  {"Na3PO4",  163.94e-3,   2, {"Na+", "PO4^3-"},     {3, 1}, "no hydrolysis of PO4^3-"},
  {"MgCl2",   95.211e-3,   2, {"Mg^2+", "Cl-"},      {1, 2}, ""},
  {"CaCl2",   110.984e-3,  2, {"Ca^2+", "Cl-"},      {1, 2}, ""},
  {"MgSO4",   120.366e-3,  2, {"Mg^2+", "SO4^2-"},   {1, 1}, "no MgSO4 ion pair"},
  {"CaSO4",   136.138e-3,  2, {"Ca^2+", "SO4^2-"},   {1, 1}, "up to its solubility, 0.02 mol/L"},
  {"LiBF4",   93.746e-3,   2, {"Li+", "BF4-"},       {1, 1}, "for non-aqueous solvents: no salting-out parameter in water"},
  {"LiNTf2",  287.075e-3,  2, {"Li+", "NTf2-"},      {1, 1}, "LiTFSI; for non-aqueous solvents: no salting-out parameter in water"},
};
// clang-format on
#define AZ_NSALTS_TABLE ((PetscInt)(sizeof(az_salts) / sizeof(az_salts[0])))

// "seawater:S" is seawater of practical salinity S (0-42) as six salts: the reference composition of Millero,
// Feistel, Wright & McDougall, Deep-Sea Res. I 55, 50 (2008), Table 4 (molalities at S_R = 35.16504 g/kg, S_P = 35),
// scaled to S_R = (35.16504/35) S: Na+ 0.4860597, Mg2+ 0.0547421, Ca2+ 0.0106568 (+ Sr2+ 0.0000940 counted as Ca2+),
// K+ 0.0105797, SO4^2- 0.0292643, HCO3- 0.0017177 (+ CO3^2- 0.0002390 counted as HCO3-) mol/kg, Cl- (with Br-, F- and
// borate) as the balance of charge. The salts: MgCl2, CaCl2, KCl, Na2SO4, NaHCO3 and NaCl for the remaining Na+.
// Molalities become mol/L with the density of seawater at 25 °C and 1 atm (UNESCO EOS-80 one-atmosphere equation,
// Millero & Poisson, Deep-Sea Res. 28A, 625 (1981)): a litre holds rho (1 - S_R/1000) kg of water.
static const PetscReal   az_seawater_m[6] = {0.0547421, 0.0106568 + 0.0000940, 0.0105797, 0.0292643, 0.0017177 + 0.0002390, 0};  // mol/kg
static const char *const az_seawater_salts[6] = {"MgCl2", "CaCl2", "KCl", "Na2SO4", "NaHCO3", "NaCl"};
#define AZ_SEAWATER_NA 0.4860597  // mol/kg at S_R = 35.16504 g/kg
#define AZ_SEAWATER_SR 35.16504   // g/kg, reference salinity of S_P = 35

// Density of seawater at practical salinity S, t (°C), 1 atm: UNESCO (1981) / Millero & Poisson (1981), kg m^-3.
PetscReal AzSeawaterDensity(PetscReal S, PetscReal t)
{
  const PetscReal rw = 999.842594 + t * (6.793952e-2 + t * (-9.095290e-3 + t * (1.001685e-4 + t * (-1.120083e-6 + t * 6.536332e-9))));
  const PetscReal A  = 8.24493e-1 + t * (-4.0899e-3 + t * (7.6438e-5 + t * (-8.2467e-7 + t * 5.3875e-9)));
  const PetscReal B  = -5.72466e-3 + t * (1.0227e-4 - t * 1.6546e-6);
  return rw + A * S + B * S * PetscSqrtReal(S) + 4.8314e-4 * S * S;
}

// "PBS:c" is a sodium phosphate buffer of pH 7.0 at 25 °C with c mol/L total phosphate, made of NaH2PO4 and
// Na2HPO4 in the molar ratio 39:61 (Gomori, Methods Enzymol. 1, 138 (1955); Sambrook & Russell, Molecular Cloning,
// 3rd ed. (2001), Appendix 1). It is NOT phosphate-buffered saline (no NaCl): write "PBS:0.01,NaCl:0.137" for that.
#define AZ_PBS_FRAC_H2PO4 0.39
#define AZ_PBS_FRAC_HPO4  0.61

PetscInt AzNSalts(void)
{
  return AZ_NSALTS_TABLE;
}

const AzSaltData *AzSaltGet(PetscInt salt)
{
  return (salt >= 0 && salt < AZ_NSALTS_TABLE) ? &az_salts[salt] : NULL;
}

const char *AzSaltName(PetscInt salt)
{
  return (salt >= 0 && salt < AZ_NSALTS_TABLE) ? az_salts[salt].formula : "?";
}

static PetscInt AzSaltFind(const char formula[])
{
  for (PetscInt s = 0; s < AZ_NSALTS_TABLE; s++)
    if (!strcmp(az_salts[s].formula, formula)) return s;
  return -1;
}

// Strips leading and trailing blanks in place.
static char *AzTrim(char *s)
{
  char *e;
  while (isspace((unsigned char)*s)) s++;
  e = s + strlen(s);
  while (e > s && isspace((unsigned char)e[-1])) *--e = 0;
  return s;
}

#define AZ_SPEC_MAX 1024

// Copies a specification string into a buffer of AZ_SPEC_MAX characters (no allocation: nothing leaks on error).
static PetscErrorCode AzCopySpec(const char what[], const char spec[], char buf[])
{
  PetscFunctionBeginUser;
  PetscCheck(strlen(spec) < AZ_SPEC_MAX, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT, "%s is longer than %d characters", what, AZ_SPEC_MAX - 1);
  PetscCall(PetscStrncpy(buf, spec, AZ_SPEC_MAX));
  PetscFunctionReturn(PETSC_SUCCESS);
}

// Rejects an empty item: a leading, trailing or doubled comma (strtok_r would skip it silently).
static PetscErrorCode AzCheckItems(const char what[], const char spec[])
{
  PetscBool empty = PETSC_TRUE;  // whether the current item has no non-blank character yet

  PetscFunctionBeginUser;
  for (const char *p = spec;; p++) {
    if (*p == ',' || !*p) {
      PetscCheck(!empty, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT, "%s '%s' is malformed: an item between commas is empty", what, spec);
      if (!*p) break;
      empty = PETSC_TRUE;
    } else if (!isspace((unsigned char)*p))
      empty = PETSC_FALSE;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

// Splits "NAME:VALUE" and parses VALUE as a finite number >= 0.
static PetscErrorCode AzParseItem(const char what[], const char spec[], char *tok, char **name, PetscReal *value)
{
  char     *colon = strchr(tok, ':');
  PetscBool ok;

  PetscFunctionBeginUser;
  PetscCheck(colon, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT, "%s '%s': item '%s' is not NAME:VALUE", what, spec, AzTrim(tok));
  *colon = 0;
  *name  = AzTrim(tok);
  PetscCheck((*name)[0], PETSC_COMM_SELF, PETSC_ERR_USER_INPUT, "%s '%s': an item has no name before ':'", what, spec);
  PetscCall(AzParseReal(colon + 1, value, &ok));
  PetscCheck(ok, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT, "%s '%s': value '%s' of %s is not a number", what, spec, AzTrim(colon + 1), *name);
  PetscFunctionReturn(PETSC_SUCCESS);
}

// The dry-gas fractions may sum to less than 1: the rest is an unspecified inert balance gas (e.g. the Ar and CO2
// of "N2:0.78084,O2:0.209476"), which changes no partial pressure; solubility.c counts it as Ar in the equation of
// state. A sum above 1, a negative fraction or an empty feed is an error.
PetscErrorCode AzGasMixParse(const char spec[], AzGasMix *mix)
{
  char      buf[AZ_SPEC_MAX], *tok, *save = NULL;
  PetscReal sum           = 0;
  PetscBool seen[AZ_NGAS] = {PETSC_FALSE};

  PetscFunctionBeginUser;
  PetscCall(PetscMemzero(mix, sizeof(*mix)));
  PetscCheck(spec && spec[0], PETSC_COMM_SELF, PETSC_ERR_USER_INPUT, "gas composition is empty: give GAS:FRACTION,... e.g. N2:1");
  PetscCall(AzCheckItems("gas composition", spec));
  PetscCall(AzCopySpec("gas composition", spec, buf));
  for (tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
    char     *name;
    PetscReal y;
    PetscInt  g;

    PetscCall(AzParseItem("gas composition", spec, tok, &name, &y));
    for (g = 0; g < AZ_NGAS; g++)
      if (!strcmp(name, AzGasNames[g])) break;
    PetscCheck(g < AZ_NGAS, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT,
               "gas composition '%s': unknown gas '%s' (known: N2, O2, Ar, He, CO2, H2)", spec, name);
    PetscCheck(!seen[g], PETSC_COMM_SELF, PETSC_ERR_USER_INPUT, "gas composition '%s': %s is listed twice", spec, name);
    PetscCheck(y >= 0 && y <= 1, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT,
               "gas composition '%s': mole fraction of %s = %.6g is outside [0, 1]", spec, name, (double)y);
    seen[g]   = PETSC_TRUE;
    mix->y[g] = y;
    sum += y;
  }
  PetscCheck(sum > 0, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT, "gas composition '%s': no gas with a non-zero mole fraction", spec);
  PetscCheck(sum <= 1 + 1e-6, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT, "gas composition '%s': dry mole fractions sum to %.8g, more than 1",
             spec, (double)sum);
  if (sum > 1)
    for (PetscInt g = 0; g < AZ_NGAS; g++) mix->y[g] /= sum;  // round-off of a sum within 1e-6 of 1
  PetscFunctionReturn(PETSC_SUCCESS);
}

// Adds c mol/L of salt s to the electrolyte: its ions (merged with those already present) and the salt itself.
static PetscErrorCode AzElectrolyteAddSalt(const char spec[], AzElectrolyte *el, PetscInt s, PetscReal c)
{
  const AzSaltData *sd = &az_salts[s];

  PetscFunctionBeginUser;
  PetscCheck(el->nsalt < AZ_MAX_SALTS, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT, "electrolyte '%s': more than %d salts", spec, AZ_MAX_SALTS);
  el->salt[el->nsalt]   = s;
  el->c_salt[el->nsalt] = c;
  el->nsalt++;
  for (PetscInt k = 0; k < sd->nion; k++) {
    PetscInt ion = AzIonFind(sd->ion[k]), j;
    PetscCheck(ion >= 0, PETSC_COMM_SELF, PETSC_ERR_PLIB, "salt %s: ion %s missing from the ion table", sd->formula, sd->ion[k]);
    for (j = 0; j < el->nion; j++)
      if (el->ion[j] == ion) break;
    if (j == el->nion) {
      PetscCheck(el->nion < AZ_MAX_IONS, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT, "electrolyte '%s': more than %d ions", spec, AZ_MAX_IONS);
      el->ion[el->nion] = ion;
      el->c[el->nion++] = 0;
    }
    el->c[j] += sd->nu[k] * c;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode AzElectrolyteParse(const char spec[], AzElectrolyte *el)
{
  char     buf[AZ_SPEC_MAX], *tok, *save = NULL;
  size_t   len = 0;
  char     seen[AZ_MAX_SALTS + 1][16];
  PetscInt nseen = 0;

  PetscFunctionBeginUser;
  PetscCall(PetscMemzero(el, sizeof(*el)));
  PetscCheck(spec, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT, "electrolyte is missing: give none or SALT:MOL_PER_L,...");
  PetscCall(AzCopySpec("electrolyte", spec, buf));
  if (!strcmp(AzTrim(buf), "none")) {
    PetscCall(PetscStrncpy(el->spec, "none", sizeof(el->spec)));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscCheck(AzTrim(buf)[0], PETSC_COMM_SELF, PETSC_ERR_USER_INPUT, "electrolyte is empty: give none or SALT:MOL_PER_L,...");
  PetscCall(AzCheckItems("electrolyte", spec));
  for (tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
    char     *name;
    PetscReal c;
    PetscInt  s;

    PetscCall(AzParseItem("electrolyte", spec, tok, &name, &c));
    PetscCheck(c >= 0, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT, "electrolyte '%s': concentration of %s = %.6g mol/L is negative", spec, name,
               (double)c);
    for (PetscInt k = 0; k < nseen; k++)
      PetscCheck(strcmp(seen[k], name), PETSC_COMM_SELF, PETSC_ERR_USER_INPUT, "electrolyte '%s': %s is listed twice", spec, name);
    if (nseen <= AZ_MAX_SALTS) PetscCall(PetscStrncpy(seen[nseen++], name, sizeof(seen[0])));
    if (!strcmp(name, "seawater")) {
      const PetscReal SR = AZ_SEAWATER_SR / 35 * c, scale = (SR / (1000 - SR)) / (AZ_SEAWATER_SR / (1000 - AZ_SEAWATER_SR));
      const PetscReal per_L = AzSeawaterDensity(c, 25) * (1 - SR / 1000) / 1000;  // kg of water per litre
      PetscReal       na    = AZ_SEAWATER_NA;
      char            sval[32];
      snprintf(sval, sizeof(sval), "%g", (double)c);  // C's %g: PETSc's printf writes "50." for 50
      PetscCheck(c <= 42, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT,
                 "electrolyte '%s': seawater salinity %s is outside [0, 42] (the range of the seawater equations)", spec, sval);
      na -= 2 * az_seawater_m[3] + az_seawater_m[4];  // the Na+ of Na2SO4 and NaHCO3
      for (PetscInt k = 0; k < 6; k++)
        PetscCall(AzElectrolyteAddSalt(spec, el, AzSaltFind(az_seawater_salts[k]), (k == 5 ? na : az_seawater_m[k]) * scale * per_L));
    } else if (!strcmp(name, "PBS")) {
      PetscCall(AzElectrolyteAddSalt(spec, el, AzSaltFind("NaH2PO4"), AZ_PBS_FRAC_H2PO4 * c));
      PetscCall(AzElectrolyteAddSalt(spec, el, AzSaltFind("Na2HPO4"), AZ_PBS_FRAC_HPO4 * c));
    } else {
      s = AzSaltFind(name);
      PetscCheck(s >= 0, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT,
                 "electrolyte '%s': unknown salt '%s' (known: PBS, seawater and the salts listed in docs/thermo.md, e.g. KOH, KCl, "
                 "Na2SO4, KHCO3, MgCl2, CaCl2, LiClO4, H2SO4)",
                 spec, name);
      PetscCheck(strcmp(name, "CaSO4") || c <= 0.02, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT,
                 "electrolyte '%s': CaSO4 at %g mol/L is above its solubility in water (0.205 g per 100 g at 25 °C, CRC Handbook: "
                 "0.015 mol/L); allowed up to 0.02 mol/L",
                 spec, (double)c);
      PetscCall(AzElectrolyteAddSalt(spec, el, s, c));
    }
    if (len < sizeof(el->spec)) {
      int n = snprintf(el->spec + len, sizeof(el->spec) - len, "%s%s:%g", len ? "," : "", name, (double)c);
      len += n > 0 ? (size_t)n : 0;
    }
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}
