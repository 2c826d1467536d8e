# Shared by scripts/quickstart, scripts/test and scripts/bench (sourced, not run).
# Debian 12 packages azote needs; installed with apt-get when missing (as root, or through sudo).
AZ_PACKAGES=(gcc make cmake pkg-config petsc-dev libhdf5-openmpi-dev openmpi-bin hdf5-tools
             python3-h5py python3-numpy python3-matplotlib python3-openturns)
AZ_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# MPI as root needs these (OpenMPI 4.1); oversubscription lets tests run 3 ranks on 2 cores.
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1

az_say() { echo "== $*"; }

# az_install_deps [EXTRA_PACKAGES...]
az_install_deps() {
  local missing=()
  for p in "${AZ_PACKAGES[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  az_say "installing Debian packages: ${missing[*]}"
  local sudo=()
  [[ $(id -u) -ne 0 ]] && sudo=(sudo)
  "${sudo[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# az_build BUILD_DIR [cmake options...]
az_build() {
  local dir=$1; shift
  az_say "building in $dir"
  cmake -S "$AZ_ROOT" -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
  cmake --build "$dir" -j "$(nproc)"
}
